package org.spectrumcomet.comet.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.comet.engine.redis.RedisSettings;
import org.spectrumcomet.comet.store.FsyncPolicy;

class ServerConfigReaderTest {

    private static ServerConfig read(String text) throws IOException {
        ServerConfig.Builder b = new ServerConfig.Builder();
        ServerConfigReader.apply(IniFile.parse("comet.ini", new StringReader(text)), b);
        return b.build();
    }

    @Test
    void defaultsWithADemoTenantOnlyWhenNoneConfigured() throws IOException {
        ServerConfig c = read("");
        assertThat(c.cometql()).isEqualTo(new HostPort("127.0.0.1", 3307));
        assertThat(c.ws()).isEqualTo(new HostPort("127.0.0.1", 8087));
        assertThat(c.http()).isNull();
        assertThat(c.dataDir()).isEqualTo("./data");
        assertThat(c.inMemory()).isFalse();
        assertThat(c.fsync()).isEqualTo(FsyncPolicy.FULL);
        assertThat(c.tenants()).isEqualTo(Map.of("0", "CometQLPassword"));
        assertThat(c.demoTenant()).isTrue();

        ServerConfig configured = read("[tenants]\n15 = secret\n");
        assertThat(configured.tenants()).isEqualTo(Map.of("15", "secret"));
        assertThat(configured.demoTenant()).isFalse();
    }

    @Test
    void readsEverySection() throws IOException {
        ServerConfig c = read("""
                [main]
                blocking_threads = 4
                blocking_queue = 100
                [cometql]
                host = 0.0.0.0
                port = 3310
                max_connections = 10
                idle_timeout = 30
                max_packet_bytes = 4096
                [ws]
                port = 9000
                max_connections = 20
                max_frame_bytes = 1000
                [http]
                port = 9001
                idle_timeout = 5
                [tenants]
                0 = k0
                007 = k7
                [limits]
                max_queued_per_user = 50
                max_pipes_per_connection = 8
                [store]
                data_dir = /var/lib/comet
                in_memory = yes
                fsync = normal
                """);
        assertThat(c.blockingThreads()).isEqualTo(4);
        assertThat(c.blockingQueue()).isEqualTo(100);
        assertThat(c.cometql()).isEqualTo(new HostPort("0.0.0.0", 3310));
        assertThat(c.cometqlMaxConnections()).isEqualTo(10);
        assertThat(c.cometqlIdleTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.cometqlMaxPacketBytes()).isEqualTo(4096);
        assertThat(c.ws()).isEqualTo(new HostPort("127.0.0.1", 9000));
        assertThat(c.http()).isEqualTo(new HostPort("127.0.0.1", 9001));
        assertThat(c.wsMaxConnections()).isEqualTo(20);
        assertThat(c.wsMaxFrameBytes()).isEqualTo(1000);
        assertThat(c.httpIdleTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.tenants()).isEqualTo(Map.of("0", "k0", "7", "k7"));
        assertThat(c.limits().maxQueuedPerUser()).isEqualTo(50);
        assertThat(c.limits().maxPipesPerSession()).isEqualTo(8);
        assertThat(c.dataDir()).isEqualTo("/var/lib/comet");
        assertThat(c.inMemory()).isTrue();
        assertThat(c.fsync()).isEqualTo(FsyncPolicy.NORMAL);
    }

    @Test
    void cppCometPasswordBecomesTenantZero() throws IOException {
        assertThat(read("[main]\npassword = shared\n").tenants()).isEqualTo(Map.of("0", "shared"));
        assertThat(read("[main]\npassword = shared\n[tenants]\n0 = own\n").tenants()).isEqualTo(Map.of("0", "own"));
    }

    @Test
    void badValuesNameFileAndLine() {
        assertThatThrownBy(() -> read("[cometql]\nport = abc\n")).isInstanceOf(ConfigException.class)
                .hasMessage("comet.ini:2: 'abc': port must be a number 0..65535");
        assertThatThrownBy(() -> read("[tenants]\n\n1234567890 = k\n"))
                .hasMessage("comet.ini:3: tenant id '1234567890' must be a decimal number of at most 9 digits");
        assertThatThrownBy(() -> read("[tenants]\n5 =\n")).hasMessage("comet.ini:2: tenant 5 has an empty key");
        assertThatThrownBy(() -> read("[ws]\nprot = 1\n")).hasMessage("comet.ini:2: unknown key 'prot' in [ws]");
        assertThatThrownBy(() -> read("[wss]\n")).hasMessageStartingWith("comet.ini:1: unknown section [wss]");
        assertThatThrownBy(() -> read("[limits]\nmax_queued_per_user = -1\n"))
                .hasMessage("comet.ini:2: expected a positive whole number, got '-1'");
        assertThatThrownBy(() -> read("[store]\nfsync = often\n")).hasMessageStartingWith("comet.ini:2: fsync must be");
        assertThatThrownBy(() -> read("[store]\nin_memory = maybe\n")).hasMessageStartingWith("comet.ini:2: expected true");
    }

    @Test
    void aRedisSectionWithAnAddressChoosesTheRedisEngine() throws IOException {
        assertThat(read("[redis]\naddress =\n").redis()).as("empty address: embedded").isNull();
        ServerConfig c = read("""
                [redis]
                address = redis://10.0.0.5:6380/2
                password = pw
                key_prefix = net1:
                command_timeout = 3
                presence_timeout = 6
                replay_messages = 50
                replay_age = 90
                """);
        assertThat(c.redis()).isEqualTo(new RedisSettings("10.0.0.5", 6380, 2, "pw", "net1:", Duration.ofSeconds(3),
                Duration.ofSeconds(6), 50, Duration.ofSeconds(90)));
        assertThat(read("[redis]\naddress = redis://h:1\n").redis().replayMessages()).as("default").isEqualTo(1000);
        assertThatThrownBy(() -> read("[redis]\naddress = redis://h:1\nreplay_messages = 2000000\n"))
                .hasMessage("comet.ini:3: redis replay_messages must be 1..1000000 (messages kept per pipe), got 2000000");
        assertThatThrownBy(() -> read("[redis]\naddress = redis://h:1\nreplay_messages = 0\n"))
                .hasMessage("comet.ini:3: expected a positive whole number, got '0'");
        assertThatThrownBy(() -> read("[redis]\naddress = redis://h:1\nreplay_age = 86401\n"))
                .hasMessage("comet.ini:3: redis replay_age must be 1..86400 seconds, got 86401");
        assertThatThrownBy(() -> read("[redis]\npassword = pw\n"))
                .hasMessage("comet.ini:2: [redis] needs an address (redis://HOST:PORT[/DB])");
        assertThatThrownBy(() -> read("[redis]\naddress = 10.0.0.5:6379\n"))
                .hasMessage("comet.ini:2: redis address '10.0.0.5:6379': expected redis://HOST:PORT[/DB]");
        assertThatThrownBy(() -> read("[redis]\naddress = redis://h:1\npresence_timeout = 1\n"))
                .hasMessageStartingWith("comet.ini:3: redis timeouts too small");
        assertThatThrownBy(() -> read("[redis]\naddress = redis://h:1\nttl = 1\n"))
                .hasMessage("comet.ini:3: unknown key 'ttl' in [redis]");
    }

    @Test
    void theShippedExampleIsValid() {
        Path example = Path.of("..", "examples", "comet.ini");
        assertThat(example).exists();
        ServerConfig.Builder b = new ServerConfig.Builder();
        ServerConfigReader.apply(IniFile.read(example), b);
        ServerConfig shipped = b.build();
        ServerConfig defaults = new ServerConfig.Builder().build();
        assertThat(shipped).as("the example documents the defaults").isEqualTo(defaults);
    }
}

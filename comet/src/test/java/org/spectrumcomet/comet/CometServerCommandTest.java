package org.spectrumcomet.comet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrumcomet.comet.config.ConfigException;
import org.spectrumcomet.comet.config.HostPort;
import org.spectrumcomet.comet.config.ServerConfig;
import org.spectrumcomet.comet.engine.redis.RedisSettings;
import picocli.CommandLine;

class CometServerCommandTest {

    @TempDir
    Path dir;

    private static ServerConfig configure(String... args) {
        CometServerCommand command = new CometServerCommand();
        new CommandLine(command).parseArgs(args);
        return command.configure();
    }

    /** Runs the command, returning exit code and what it printed on stderr. */
    private static Map.Entry<Integer, String> run(String... args) {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = CometServerCommand.run(args);
            return Map.entry(code, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(saved);
        }
    }

    @Test
    void flagsOverrideTheFile() throws Exception {
        Path ini = Files.writeString(dir.resolve("comet.ini"), """
                [cometql]
                port = 4000
                [tenants]
                1 = file-key
                2 = two
                [store]
                data_dir = /from/file
                """);
        ServerConfig c = configure("--config", ini.toString(), "--cometql", "127.0.0.1:0", "--ws", "[::1]:0",
                "--http", "localhost:9999", "--tenant", "1:flag:key", "--tenant", "3:three", "--data-dir", "d",
                "--in-memory");
        assertThat(c.cometql()).isEqualTo(new HostPort("127.0.0.1", 0));
        assertThat(c.ws()).isEqualTo(new HostPort("::1", 0));
        assertThat(c.http()).isEqualTo(new HostPort("localhost", 9999));
        assertThat(c.tenants()).isEqualTo(Map.of("1", "flag:key", "2", "two", "3", "three"));
        assertThat(c.dataDir()).isEqualTo("d");
        assertThat(c.inMemory()).isTrue();
        assertThat(c.demoTenant()).isFalse();
    }

    @Test
    void demoTenantOnlyWithoutAnyTenant() {
        assertThat(configure().demoTenant()).isTrue();
        assertThat(configure("--tenant", "5:k").tenants()).isEqualTo(Map.of("5", "k"));
    }

    @Test
    void badTenantsAndAddressesAreConfigErrors() {
        assertThatThrownBy(() -> configure("--tenant", "abc:k")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'abc'");
        assertThatThrownBy(() -> configure("--tenant", "5")).hasMessage("--tenant '5': expected ID:KEY");
        assertThatThrownBy(() -> configure("--tenant", "5:")).hasMessage("tenant 5 has an empty key");
        assertThatThrownBy(() -> configure("--ws", "nowhere")).hasMessageContaining("not HOST:PORT");
    }

    @Test
    void configErrorsExitWithTwoAndOneLine() throws Exception {
        Path ini = Files.writeString(dir.resolve("bad.ini"), "[ws]\nport = 1\nport = 2\n");
        var result = run("--config", ini.toString());
        assertThat(result.getKey()).isEqualTo(2);
        assertThat(result.getValue()).isEqualTo("comet-server: " + ini + ":3: key 'port' repeated (first at line 2)"
                + System.lineSeparator());
        assertThat(run("--no-such-flag").getKey()).isEqualTo(2);
        assertThat(run("--tenant", "1234567890:k").getKey()).isEqualTo(2);
    }

    @Test
    void unusableDataDirectoryExitsWithOne() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "x");
        var result = run("--data-dir", file.resolve("sub").toString(), "--cometql", "127.0.0.1:0", "--ws",
                "127.0.0.1:0");
        assertThat(result.getKey()).isEqualTo(1);
        assertThat(result.getValue()).containsPattern("(?m)^comet-server: store: cannot create data directory .*Not a directory$");
    }

    @Test
    void theRedisFlagMovesTheAddressAndKeepsTheFilesOtherRedisKeys() throws Exception {
        assertThat(configure().redis()).as("embedded by default").isNull();
        Path ini = Files.writeString(dir.resolve("redis.ini"), """
                [redis]
                address = redis://file-host:6379
                key_prefix = net:
                presence_timeout = 5
                replay_messages = 20
                replay_age = 30
                """);
        RedisSettings r = configure("--config", ini.toString(), "--redis", "redis://127.0.0.1:7000/3").redis();
        assertThat(r.replayMessages()).isEqualTo(20);
        assertThat(r.replayAge()).isEqualTo(Duration.ofSeconds(30));
        assertThat(r.toString()).isEqualTo("redis://127.0.0.1:7000/3");
        assertThat(r.keyPrefix()).isEqualTo("net:");
        assertThat(r.presenceTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThatThrownBy(() -> configure("--redis", "127.0.0.1:6379")).isInstanceOf(ConfigException.class)
                .hasMessage("redis address '127.0.0.1:6379': expected redis://HOST:PORT[/DB]");
    }

    @Test
    void anUnreachableRedisExitsWithOne() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        var result = run("--redis", "redis://127.0.0.1:" + closedPort, "--cometql", "127.0.0.1:0", "--ws", "127.0.0.1:0");
        assertThat(result.getKey()).isEqualTo(1);
        assertThat(result.getValue()).containsPattern("(?m)^comet-server: cannot reach Redis at redis://127.0.0.1:" + closedPort + "/0: ");
    }

    @Test
    void helpAndVersionExitZero() {
        assertThat(run("--help").getKey()).isZero();
        assertThat(run("--version").getKey()).isZero();
    }
}

package org.spectrumcomet.bridge.comet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CometEndpointTest {

    @Test
    void defaultsMatchCppCometsSampleOnLoopback() {
        CometEndpoint e = CometEndpoint.fromConfig(Map.of());
        assertThat(e.cometqlHost()).isEqualTo("127.0.0.1");
        assertThat(e.cometqlPort()).isEqualTo(3307);
        assertThat(e.wsPort()).isEqualTo(8087);
        assertThat(e.wsPath()).isEqualTo("/ws/");
        assertThat(e.devId()).isZero();
        assertThat(e.user()).isEqualTo("root");
        assertThat(e.key()).isEqualTo("CometQLPassword");
        assertThat(e.poolSize()).isEqualTo(32);
        assertThat(e.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(e.reconnectMin()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void everyKeyIsRead() {
        CometEndpoint e = CometEndpoint.fromConfig(Map.ofEntries(Map.entry("cometql", "db.example:3310"),
                Map.entry("ws", "[::1]:9000"), Map.entry("ws_path", "/comet-server/ws/"), Map.entry("dev_id", "15"),
                Map.entry("key", "s3cret"), Map.entry("connect_timeout", "2s"), Map.entry("query_timeout", "1500"),
                Map.entry("login_timeout", "1m"), Map.entry("pool_size", "2"), Map.entry("pool_wait", "100ms"),
                Map.entry("queue", "10"), Map.entry("reconnect_min", "1s"), Map.entry("reconnect_max", "2m"),
                Map.entry("ws_max_frame", "65536"), Map.entry("ws_max_pending", "5")));
        assertThat(e.cometqlHost()).isEqualTo("db.example");
        assertThat(e.wsHost()).isEqualTo("::1");
        assertThat(e.wsPort()).isEqualTo(9000);
        assertThat(e.user()).isEqualTo("15");
        assertThat(e.queryTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(e.loginTimeout()).isEqualTo(Duration.ofMinutes(1));
        assertThat(e.reconnectMax()).isEqualTo(Duration.ofMinutes(2));
        assertThat(e.wsMaxPending()).isEqualTo(5);
        assertThat(e.toString()).doesNotContain("s3cret");
        assertThat(CometQlPool.jdbcUrl(e)).startsWith("jdbc:mariadb://db.example:3310/CometQL_v1?")
                .contains("jdbcCompliantTruncation=false", "sslMode=disable", "useServerPrepStmts=false",
                        "disablePipeline=true", "connectTimeout=2000", "socketTimeout=1500")
                .doesNotContain("autocommit");
    }

    @Test
    void badValuesNameTheKey() {
        assertThatThrownBy(() -> CometEndpoint.fromConfig(Map.of("cometql", "nohost")))
                .isInstanceOf(CometConfigException.class).hasMessageContaining("[comet] cometql");
        assertThatThrownBy(() -> CometEndpoint.fromConfig(Map.of("ws", "h:70000"))).hasMessageContaining("1..65535");
        assertThatThrownBy(() -> CometEndpoint.fromConfig(Map.of("pool_size", "0"))).hasMessageContaining("pool_size");
        assertThatThrownBy(() -> CometEndpoint.fromConfig(Map.of("pool_wait", "soon"))).hasMessageContaining("pool_wait");
        assertThatThrownBy(() -> CometEndpoint.fromConfig(Map.of("colour", "red"))).hasMessageContaining("unknown key");
        assertThatThrownBy(() -> CometEndpoint.fromConfig(Map.of("ws_path", "ws"))).hasMessageContaining("ws_path");
    }
}

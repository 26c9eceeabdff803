package org.spectrumcomet.bridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrumcomet.backend.config.ConfigException;
import org.spectrumcomet.backend.config.TransportConfig;

class CometSettingsTest {

    private static CometSettings read(Map<String, String> comet) {
        Map<String, String> values = new HashMap<>();
        comet.forEach((k, v) -> values.put("comet." + k, v));
        return CometSettings.from(TransportConfig.of(values));
    }

    @Test
    void defaults() {
        CometSettings s = read(Map.of("dev_key", "secret"));
        assertThat(s.endpoint().cometqlHost()).isEqualTo("127.0.0.1");
        assertThat(s.endpoint().cometqlPort()).isEqualTo(3307);
        assertThat(s.endpoint().wsHost()).isEqualTo("127.0.0.1");
        assertThat(s.endpoint().wsPort()).isEqualTo(8087);
        assertThat(s.endpoint().wsPath()).isEqualTo("/ws/");
        assertThat(s.endpoint().devId()).isZero();
        assertThat(s.endpoint().key()).isEqualTo("secret");
        assertThat(s.endpoint().poolSize()).isEqualTo(32);
        assertThat(s.endpoint().connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.loginTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.endpoint().loginTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.gracePeriod()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.publicRooms()).isEmpty();
        assertThat(s.maxSubscriptions()).isEqualTo(32);
        assertThat(s.historyLimit()).isEqualTo(50);
        assertThat(s.maxBodyBytes()).isEqualTo(8000);
        assertThat(s.loginRate()).isEqualTo(500);
    }

    @Test
    void everyKeyIsRead() {
        CometSettings s = read(Map.ofEntries(Map.entry("dev_key", "k"), Map.entry("cometql", "comet.local:3311"),
                Map.entry("websocket", "ws://comet.local:9000/comet-server/ws/"), Map.entry("dev_id", "15"),
                Map.entry("pool_size", "8"), Map.entry("grace_period", "2m"), Map.entry("login_timeout", "500ms"),
                Map.entry("public_rooms", "lobby, news ,lobby"), Map.entry("history_limit", "0"),
                Map.entry("presence_poll", "0"), Map.entry("reconnect_max", "10"), Map.entry("login_rate", "0")));
        assertThat(s.endpoint().cometqlHost()).isEqualTo("comet.local");
        assertThat(s.endpoint().cometqlPort()).isEqualTo(3311);
        assertThat(s.endpoint().wsPort()).isEqualTo(9000);
        assertThat(s.endpoint().wsPath()).isEqualTo("/comet-server/ws/");
        assertThat(s.endpoint().devId()).isEqualTo(15);
        assertThat(s.endpoint().user()).isEqualTo("15");
        assertThat(s.endpoint().poolSize()).isEqualTo(8);
        assertThat(s.endpoint().reconnectMax()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.gracePeriod()).isEqualTo(Duration.ofMinutes(2));
        assertThat(s.loginTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(s.publicRooms()).containsExactly("lobby", "news");
        assertThat(s.historyLimit()).isZero();
        assertThat(s.presencePoll()).isZero();
        assertThat(s.loginRate()).isZero();
    }

    @Test
    void errorsNameFileLineAndKey(@TempDir Path dir) throws IOException {
        Path cfg = dir.resolve("t.cfg");
        Files.writeString(cfg, "[service]\njid = comet.example.org\n[comet]\ndev_key = k\ngrace_period = soon\n");
        TransportConfig config = TransportConfig.load(cfg, Map.of());
        assertThatThrownBy(() -> CometSettings.from(config)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(cfg + ":5: comet.grace_period: not a duration");
    }

    @Test
    void badValuesAreRefusedWithTheirKey() {
        assertThatThrownBy(() -> read(Map.of())).hasMessageContaining("comet.dev_key").hasMessageContaining("missing");
        assertThatThrownBy(() -> read(Map.of("dev_key", "k", "cometql", "nohost"))).hasMessageContaining("comet.cometql");
        assertThatThrownBy(() -> read(Map.of("dev_key", "k", "websocket", "http://x:1")))
                .hasMessageContaining("comet.websocket");
        assertThatThrownBy(() -> read(Map.of("dev_key", "k", "pool_size", "0"))).hasMessageContaining("comet.pool_size");
        assertThatThrownBy(() -> read(Map.of("dev_key", "k", "history_limit", "100")))
                .hasMessageContaining("comet.history_limit");
        assertThatThrownBy(() -> read(Map.of("dev_key", "k", "login_timeout", "0")))
                .hasMessageContaining("comet.login_timeout");
        assertThatThrownBy(() -> read(Map.of("dev_key", "k", "public_rooms", "okay, no!")))
                .hasMessageContaining("comet.public_rooms").hasMessageContaining("no!");
        assertThatThrownBy(() -> read(Map.of("dev_key", "k", "grace", "5")))
                .hasMessageContaining("comet.grace").hasMessageContaining("unknown key");
    }

    @Test
    void oneEndpointEachIsOneNode() {
        CometSettings s = read(Map.of("dev_key", "k"));
        assertThat(s.nodes()).containsExactly(s.endpoint());
    }

    @Test
    void severalEndpointsPairUpByPositionIntoNodes() {
        CometSettings s = read(Map.of("dev_key", "k", "dev_id", "3", "pool_size", "4",
                "cometql", " 127.0.0.1:3301, 127.0.0.1:3302,comet3:3303",
                "websocket", "ws://127.0.0.1:8087, ws://127.0.0.1:8088/comet/ws/ ,ws://comet3:8089"));
        assertThat(s.nodes()).hasSize(3);
        assertThat(s.endpoint()).isEqualTo(s.nodes().get(0));
        assertThat(s.nodes()).extracting(e -> e.cometqlHost() + ":" + e.cometqlPort() + " " + e.wsHost() + ":"
                + e.wsPort() + e.wsPath()).containsExactly("127.0.0.1:3301 127.0.0.1:8087/ws/",
                "127.0.0.1:3302 127.0.0.1:8088/comet/ws/", "comet3:3303 comet3:8089/ws/");
        assertThat(s.nodes()).allSatisfy(e -> {
            assertThat(e.devId()).isEqualTo(3);
            assertThat(e.key()).isEqualTo("k");
            assertThat(e.poolSize()).isEqualTo(4);
        });
    }

    @Test
    void listsOfDifferentLengthsEmptyEntriesAndRepeatsAreRefused() {
        assertThatThrownBy(() -> read(Map.of("dev_key", "k", "cometql", "127.0.0.1:3301, 127.0.0.1:3302",
                "websocket", "ws://127.0.0.1:8087")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("comet.websocket")
                .hasMessageContaining("cometql lists 2 endpoint(s) and websocket 1").hasMessageContaining("same length");
        assertThatThrownBy(() -> read(Map.of("dev_key", "k", "cometql", "127.0.0.1:3301",
                "websocket", "ws://127.0.0.1:8087, ws://127.0.0.1:8088")))
                .hasMessageContaining("comet.cometql").hasMessageContaining("same length");
        assertThatThrownBy(() -> read(Map.of("dev_key", "k", "cometql", "127.0.0.1:3301,,127.0.0.1:3302")))
                .hasMessageContaining("comet.cometql").hasMessageContaining("empty endpoint");
        assertThatThrownBy(() -> read(Map.of("dev_key", "k", "cometql", "a:1, a:1",
                "websocket", "ws://a:2, ws://a:3"))).hasMessageContaining("listed twice: a:1");
        assertThatThrownBy(() -> read(Map.of("dev_key", "k", "cometql", "a:1, a:2",
                "websocket", "ws://a:2, http://a:3"))).hasMessageContaining("comet.websocket")
                .hasMessageContaining("http://a:3");
    }

    @Test
    void theExampleTransportConfigIsValid() {
        TransportConfig config = TransportConfig.load(Path.of("../examples/spectrum.cfg"), Map.of());
        CometSettings s = CometSettings.from(config);
        assertThat(config.jid()).isEqualTo("comet.example.org");
        assertThat(config.service().getString("backend", "")).endsWith("bin/spectrum-comet-backend");
        assertThat(s.endpoint().key()).isEqualTo("CometQLPassword");
        assertThat(s.publicRooms()).containsExactly("lobby");
        assertThat(s.gracePeriod()).isEqualTo(Duration.ofSeconds(60));
    }
}

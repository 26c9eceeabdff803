package org.spectrumcomet.bridge.comet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CometSocketUrlTest {

    private static final String UUID = "0123456789abcdef0123456789abcdef";

    @Test
    void theUrlIsPositionalAndUnencoded() {
        CometEndpoint e = CometEndpoint.fromConfig(Map.of("ws", "127.0.0.1:8087", "dev_id", "15"));
        assertThat(CometSocketUrl.of(e, 42, "abc+/=_9", UUID).toString()).isEqualTo(
                "ws://127.0.0.1:8087/ws/sesion=abc+/=_9&myid=42&devid=15&v=4.09&uuid=" + UUID + "&api=js");
        assertThat(CometSocketUrl.of(e, 42, "abc", UUID).getRawPath()).isEqualTo(
                "/ws/sesion=abc&myid=42&devid=15&v=4.09&uuid=" + UUID + "&api=js");
        assertThat(CometSocketUrl.of(e, 42, "abc", UUID).getRawQuery()).isNull();
    }

    @Test
    void proxyPathAndIpv6() {
        CometEndpoint e = CometEndpoint.fromConfig(Map.of("ws", "[::1]:9000", "ws_path", "/comet-server/ws/"));
        assertThat(CometSocketUrl.of(e, 1, "", UUID).toString())
                .isEqualTo("ws://[::1]:9000/comet-server/ws/sesion=&myid=1&devid=0&v=4.09&uuid=" + UUID + "&api=js");
    }

    @Test
    void keysThatWouldShiftThePositionsAreRefused() {
        CometEndpoint e = CometEndpoint.fromConfig(Map.of());
        assertThatThrownBy(() -> CometSocketUrl.of(e, 1, "k&myid=2", UUID)).isInstanceOf(CometNameException.class);
        assertThatThrownBy(() -> CometSocketUrl.of(e, 1, "k ey", UUID)).isInstanceOf(CometNameException.class);
        assertThatThrownBy(() -> CometSocketUrl.of(e, 0, "k", UUID)).isInstanceOf(CometNameException.class);
        assertThatThrownBy(() -> CometSocketUrl.of(e, 1, "k", "xyz")).hasMessageContaining("32");
    }

    @Test
    void uuidsAre32HexDigits() {
        assertThat(CometSocketUrl.newUuid()).matches("[0-9a-f]{32}").isNotEqualTo(CometSocketUrl.newUuid());
    }
}

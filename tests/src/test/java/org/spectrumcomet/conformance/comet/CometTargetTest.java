package org.spectrumcomet.conformance.comet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CometTargetTest {

    @Test
    void parsesTheCommandLineForm() {
        CometTarget t = CometTarget.parse("127.0.0.1:3307", "127.0.0.1:8087", "0:secret");
        assertThat(t.cometqlPort()).isEqualTo(3307);
        assertThat(t.wsPort()).isEqualTo(8087);
        assertThat(t.cometqlUser()).isEqualTo("root");
        assertThat(t.socketUrl(42, "k", "u")).isEqualTo("ws://127.0.0.1:8087/ws/sesion=k&myid=42&devid=0&v=4.09&uuid=u&api=js");
        assertThat(CometTarget.parse("h:1", "h:2", "7:k").cometqlUser()).isEqualTo("7");
    }

    @Test
    void refusesMalformedValuesNamingTheOption() {
        assertThatThrownBy(() -> CometTarget.parse("nohost", "h:2", "0:k")).hasMessageContaining("--comet-cometql");
        assertThatThrownBy(() -> CometTarget.parse("a:1", "b:2", "0:k")).hasMessageContaining("same host");
        assertThatThrownBy(() -> CometTarget.parse("h:1", "h:2", "0:it's")).hasMessageContaining("--comet-tenant");
    }
}

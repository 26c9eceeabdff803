package org.spectrumcomet.conformance.comet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Frames as web users read them: fields, the server's name, and frames comet cut short. */
class WebFrameTest {

    @Test
    void readsAPrivateMessage() {
        WebFrame f = WebFrame.parse("{\"data\":\"{\\\"text\\\":\\\"hi\\\"}\",\"event\":\"message\",\"pipe\":\"msg\"}");
        assertThat(f.isPrivate()).isTrue();
        assertThat(f.body().text()).isEqualTo("hi");
        assertThat(f.truncated()).isFalse();
    }

    @Test
    void aFrameEndingInNulsIsTruncated() {
        WebFrame f = WebFrame.parse("{\"data\":\"x\",\"event\":\"message\",\"pipe\":\"ms\0\0\0");
        assertThat(f.truncated()).isTrue();
        assertThat(f.isPrivate()).isFalse();
    }

    @Test
    void readsTheServerNameOfServerInfo() {
        String raw = "{\"authorized\":true,\"data\":\"k\",\"event\":\"serverInfo\",\"pipe\":\"sys\","
                + "\"server\":\"CppComet community 4.09 (AGPL license)\"}";
        assertThat(WebFrame.field(raw, "server")).isEqualTo("CppComet community 4.09 (AGPL license)");
        assertThat(CometFlavour.ofServerName(WebFrame.field(raw, "server"))).isEqualTo(CometFlavour.CPPCOMET);
        assertThat(CometFlavour.ofServerName("spectrum-comet 0.1.0 (CppComet-compatible)")).isEqualTo(CometFlavour.OURS);
        assertThat(WebFrame.field("not json", "server")).isNull();
    }
}

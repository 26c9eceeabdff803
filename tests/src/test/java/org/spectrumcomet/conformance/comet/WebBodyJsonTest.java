package org.spectrumcomet.conformance.comet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Bodies written for a CometQL literal carry no quote or bare backslash, and read back unchanged. */
class WebBodyJsonTest {

    @Test
    void hostileTextIsEscapedAndRoundTrips() {
        String text = "it's \"x\"; \\ 😀 \u2028 \u0000";
        String json = WebBodyJson.encode(WebBody.text(42, text, "id-1"));
        assertThat(json).doesNotContain("'").doesNotContain(";").doesNotContain("\"x\"")
                .doesNotContainPattern("\\\\[^u]").doesNotContain("😀");
        WebBody back = WebBodyJson.decode(json);
        assertThat(back.text()).isEqualTo(text);
        assertThat(back.from()).isEqualTo("42");
        assertThat(back.id()).isEqualTo("id-1");
        assertThat(back.isText()).isTrue();
    }

    @Test
    void anythingButAnObjectIsPlainText() {
        assertThat(WebBodyJson.decode("hello").text()).isEqualTo("hello");
        assertThat(WebBodyJson.decode("\"quoted\"").text()).isEqualTo("quoted");
        assertThat(WebBodyJson.decode("{\"kind\":\"typing\",\"from\":7}").kind()).isEqualTo("typing");
        assertThat(WebBodyJson.decode("{\"kind\":\"typing\",\"from\":7}").from()).isEqualTo("7");
    }

    /** CppComet SQL-escapes text browsers publish with web_pipe2 (spec §I.4.4): read back as the JS client does. */
    @Test
    void aBodyEscapedByCppCometIsReadAfterStrippingBackslashes() {
        String relayed = "{\\\"text\\\":\\\"hi\\\",\\\"id\\\":\\\"g-1\\\"}";
        WebBody body = WebBodyJson.decode(relayed);
        assertThat(body.text()).isEqualTo("hi");
        assertThat(body.id()).isEqualTo("g-1");
        assertThat(WebBodyJson.stripSlashes("a\\\\b\\'c")).isEqualTo("a\\b'c");
    }
}

package org.spectrumcomet.bridge.comet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CometFramePaddingTest {

    private static final String PIPE = "room_42";

    /** A text literal whose CppComet pipe frame is {@code length} bytes. */
    private static String literalOfFrame(int length) {
        String literal = CometQlLiteral.ofText("");
        int base = CometFramePadding.pipeFrameBytes(PIPE, "message", literal.substring(1, literal.length() - 1));
        return CometQlLiteral.ofText("t".repeat(length - base));
    }

    private static int frameBytes(String literal) {
        return CometFramePadding.pipeFrameBytes(PIPE, "message", literal.substring(1, literal.length() - 1));
    }

    @Test
    void theFrameShapeMatchesCppComet() {
        // measured on CppComet 4.09: {"data":"\"hi\"","event":"message","message_send_time":1795471077,"pipe":"room_42"}
        assertThat(CometFramePadding.pipeFrameBytes(PIPE, "message", "\"hi\""))
                .isEqualTo("{\"data\":\"\\\"hi\\\"\",\"event\":\"message\",\"message_send_time\":1795471077,\"pipe\":\"room_42\"}"
                        .length());
    }

    @Test
    void framesInTheWindowArePushedTo126Bytes() {
        for (int length = 123; length <= 125; length++) {
            String padded = CometFramePadding.padPipeLiteral(PIPE, "message", literalOfFrame(length));
            assertThat(frameBytes(padded)).as("frame of %d bytes", length).isEqualTo(126);
            assertThat(padded).endsWith("\"" + " ".repeat(126 - length) + "'"); // after the JSON string
        }
    }

    @Test
    void framesOutsideTheWindowAreLeftAlone() {
        for (int length : new int[] {121, 122, 126, 127}) {
            String literal = literalOfFrame(length);
            assertThat(CometFramePadding.padPipeLiteral(PIPE, "message", literal)).isSameAs(literal);
        }
    }

    @Test
    void anObjectIsPaddedInsideItsBracesAndStillDecodes() {
        CometBody body = CometBody.plain("");
        String literal = CometQlLiteral.ofJson(CometBodyCodec.toJson(body));
        int base = frameBytes(literal);
        body = CometBody.plain("x".repeat(124 - base));
        literal = CometQlLiteral.ofJson(CometBodyCodec.toJson(body));
        assertThat(frameBytes(literal)).isEqualTo(124);
        String padded = CometFramePadding.padPipeLiteral(PIPE, "message", literal);
        assertThat(padded).endsWith("  }'");
        assertThat(CometBodyCodec.decode(padded.substring(1, padded.length() - 1))).isEqualTo(body);
    }

    @Test
    void privateMessagesLeaveTheWindowLiveAndQueued() {
        // measured on CppComet 4.09 (spec §I.4.5): live and queued private frames
        assertThat(CometFramePadding.privateFrameBytes("msg", "\"hi\"", false))
                .isEqualTo("{\"data\":\"\\\"hi\\\"\",\"event\":\"msg\",\"pipe\":\"msg\"}".length());
        assertThat(CometFramePadding.privateFrameBytes("msg", "\"hi\"", true))
                .isEqualTo("{\"data\":\"\\\"hi\\\"\",\"event\":\"msg\",\"fromQueue\":true,\"message_send_time\":1795394029,\"pipe\":\"msg\"}"
                        .length());
        int padded = 0;
        for (int n = 0; n < 200; n++) {
            CometBody body = CometBody.plain("y".repeat(n));
            String literal = CometQlLiteral.ofJson(CometBodyCodec.toJson(body));
            String result = CometFramePadding.padPrivateLiteral("msg", literal);
            String json = result.substring(1, result.length() - 1);
            for (boolean queued : new boolean[] {false, true}) {
                assertThat(CometFramePadding.privateFrameBytes("msg", json, queued))
                        .as("text of %d chars, queued=%s", n, queued).isNotIn(123, 124, 125);
            }
            assertThat(CometBodyCodec.decode(json)).isEqualTo(body);
            if (!result.equals(literal)) {
                padded++;
            }
        }
        assertThat(padded).as("lengths that needed padding").isEqualTo(6); // 3 live + 3 queued
    }
}

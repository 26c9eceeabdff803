package org.spectrumcomet.comet.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ClosingHandshakeTest {

    @Test
    void shortReasonsAreSentAsTheyAre() {
        assertThat(ClosingHandshake.reason("no heartbeat")).isEqualTo("no heartbeat");
    }

    /** Found by fuzzing the JSON API: a 120-character cut of a multi-byte reason made a 134-byte close frame. */
    @Test
    void longReasonsAreCutTo123Utf8BytesBetweenCharacters() {
        String reason = "bad frame: " + "é".repeat(100) + "\uD83D\uDE00".repeat(10);
        String sent = ClosingHandshake.reason(reason);
        assertThat(sent.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(123).isGreaterThan(120);
        assertThat(reason).startsWith(sent);
        assertThat(ClosingHandshake.reason("\uD83D\uDE00".repeat(40))).hasSize(60); // 30 whole emoji = 120 bytes
    }

    @Test
    void theCloseFrameFitsAControlFrame() {
        EmbeddedChannel channel = new EmbeddedChannel();
        ClosingHandshake.close(channel, 1008, "authentication failed: " + "ü".repeat(200));
        CloseWebSocketFrame frame = channel.readOutbound();
        try {
            assertThat(frame.statusCode()).isEqualTo(1008);
            assertThat(frame.content().readableBytes()).isLessThanOrEqualTo(125);
        } finally {
            frame.release();
        }
        channel.finishAndReleaseAll();
    }
}

package org.spectrumcomet.comet.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;

/**
 * What the fuzz tests of both WebSocket protocols check on every frame the server wrote: a text
 * frame is one JSON value, a close frame has a code a client may receive and a reason of at most
 * 123 UTF-8 bytes (RFC 6455 §5.5: a control frame carries at most 125 bytes). Releases the frames.
 */
public final class WebFrameChecks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WebFrameChecks() {
    }

    /** Checks and releases every frame waiting in the channel's outbound queue. */
    public static void checkWritten(EmbeddedChannel channel) {
        Object out;
        while ((out = channel.readOutbound()) != null) {
            try {
                if (out instanceof TextWebSocketFrame text) {
                    String json = text.text();
                    try {
                        JSON.readTree(json);
                    } catch (JsonProcessingException e) {
                        throw new AssertionError("the server wrote a text frame that is not JSON: " + json, e);
                    }
                } else if (out instanceof CloseWebSocketFrame close) {
                    assertThat(close.content().readableBytes()).as("close frame payload").isLessThanOrEqualTo(125);
                    int code = close.statusCode();
                    assertThat(code).as("close code").isBetween(1000, 4999);
                    assertThat(code).as("close code").isNotIn(1004, 1005, 1006, 1015);
                    assertThat(close.reasonText().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(123);
                }
            } finally {
                ReferenceCountUtil.release(out);
            }
        }
    }
}

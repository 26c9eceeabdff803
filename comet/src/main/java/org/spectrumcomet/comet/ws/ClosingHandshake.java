package org.spectrumcomet.comet.ws;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import java.util.concurrent.TimeUnit;
import org.spectrumcomet.comet.metrics.ConnectionMeter;

/**
 * Closes a WebSocket with a close frame that tells the client why, but never waits on the client
 * to get it: a client that stopped reading (the slow consumer we are closing, say) would keep the
 * frame queued behind a full socket buffer forever, and the connection with it. After
 * {@link #GRACE_MILLIS} the socket is closed whether or not the frame went out.
 *
 * <p>The reason is cut to {@link #MAX_REASON_BYTES} UTF-8 bytes (never inside a character): a close
 * frame carries at most 125 bytes (RFC 6455 §5.5), and reasons quote client input of any length.
 */
public final class ClosingHandshake {

    static final long GRACE_MILLIS = 2_000;
    /** 125 bytes of control-frame payload less the 2-byte status code. */
    public static final int MAX_REASON_BYTES = 123;

    private ClosingHandshake() {
    }

    public static void close(Channel channel, int code, String reason) {
        if (!channel.isActive()) {
            return;
        }
        ConnectionMeter.closeCodeSent(channel, code);
        channel.writeAndFlush(new CloseWebSocketFrame(code, reason(reason))).addListener(ChannelFutureListener.CLOSE);
        channel.eventLoop().schedule(() -> channel.close(), GRACE_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The reason as sent: at most {@link #MAX_REASON_BYTES} UTF-8 bytes, whole characters only. */
    static String reason(String reason) {
        int bytes = 0;
        int end = 0;
        while (end < reason.length()) {
            int c = reason.codePointAt(end);
            int size = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
            if (bytes + size > MAX_REASON_BYTES) {
                break;
            }
            bytes += size;
            end += Character.charCount(c);
        }
        return reason.substring(0, end);
    }
}

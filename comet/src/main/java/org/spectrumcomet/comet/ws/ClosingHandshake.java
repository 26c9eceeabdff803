package org.spectrumcomet.comet.ws;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import java.util.concurrent.TimeUnit;

/**
 * Closes a WebSocket with a close frame that tells the client why, but never waits on the client
 * to get it: a client that stopped reading (the slow consumer we are closing, say) would keep the
 * frame queued behind a full socket buffer forever, and the connection with it. After
 * {@link #GRACE_MILLIS} the socket is closed whether or not the frame went out.
 */
public final class ClosingHandshake {

    static final long GRACE_MILLIS = 2_000;

    private ClosingHandshake() {
    }

    public static void close(Channel channel, int code, String reason) {
        if (!channel.isActive()) {
            return;
        }
        channel.writeAndFlush(new CloseWebSocketFrame(code, reason)).addListener(ChannelFutureListener.CLOSE);
        channel.eventLoop().schedule(() -> channel.close(), GRACE_MILLIS, TimeUnit.MILLISECONDS);
    }
}

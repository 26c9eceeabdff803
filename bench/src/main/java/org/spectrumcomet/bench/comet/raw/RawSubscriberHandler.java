package org.spectrumcomet.bench.comet.raw;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

/**
 * Makes a WebSocket a subscriber once its handshake is complete; what the client sends (the
 * CppComet {@code subscription} command) is read and dropped: the baseline has one pipe.
 * The group forgets a channel by itself when it closes.
 */
final class RawSubscriberHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

    private final ChannelGroup subscribers;

    RawSubscriberHandler(ChannelGroup subscribers) {
        this.subscribers = subscribers;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
            subscribers.add(ctx.channel());
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        // released by SimpleChannelInboundHandler
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}

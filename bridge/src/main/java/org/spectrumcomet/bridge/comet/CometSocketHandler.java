package org.spectrumcomet.bridge.comet;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

/**
 * Last handler of one connection's pipeline:
 * {@code HttpClientCodec → HttpObjectAggregator → CometSocketHandler} before the upgrade, then
 * Netty's WebSocket frame codec in front of it. Finishes the handshake, turns text frames into
 * {@link CometEvent}s and reports the connection's end to {@link Link}. It never sends a ping
 * (CppComet drops the connection on one) and needs no close frame from the server.
 */
final class CometSocketHandler extends SimpleChannelInboundHandler<Object> {

    /** What the handler reports; all calls happen on the connection's event loop. */
    interface Link {
        void upgraded(ChannelHandlerContext ctx);

        void frame(ChannelHandlerContext ctx, String text);

        void ended(ChannelHandlerContext ctx, String reason);
    }

    private final WebSocketClientHandshaker handshaker;
    private final Link link;
    private String failure;

    CometSocketHandler(WebSocketClientHandshaker handshaker, Link link) {
        this.handshaker = handshaker;
        this.link = link;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        handshaker.handshake(ctx.channel());
        ctx.fireChannelActive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
        if (!handshaker.isHandshakeComplete()) {
            if (msg instanceof FullHttpResponse response) {
                handshaker.finishHandshake(ctx.channel(), response);
                link.upgraded(ctx);
            }
            return;
        }
        if (!(msg instanceof WebSocketFrame frame)) {
            return;
        }
        if (frame instanceof TextWebSocketFrame text) {
            link.frame(ctx, text.text());
        } else if (frame instanceof PingWebSocketFrame) {
            // CppComet never pings; a server that does gets its pong.
            ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
        } else if (frame instanceof CloseWebSocketFrame close) {
            failure = "server closed the WebSocket (" + close.statusCode() + " " + close.reasonText() + ")";
            ctx.close();
        } else if (!(frame instanceof PongWebSocketFrame)) {
            failure = "unexpected " + frame.getClass().getSimpleName() + " from the server";
            ctx.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        link.ended(ctx, failure != null ? failure : "connection closed by the server");
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (failure == null) {
            failure = handshaker.isHandshakeComplete() ? "WebSocket failed: " + cause.getMessage()
                    : "WebSocket handshake failed: " + cause.getMessage();
        }
        ctx.close();
    }
}

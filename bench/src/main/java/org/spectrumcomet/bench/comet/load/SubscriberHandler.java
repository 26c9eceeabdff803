package org.spectrumcomet.bench.comet.load;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.ReferenceCountUtil;

/**
 * One benchmark client once upgraded: sends {@code subscription\n<pipe>} (when a pipe is given)
 * and counts every frame that carries a benchmark body; other frames (serverInfo, replies) are
 * ignored. A close frame from the server closes the socket. Releases every frame.
 */
final class SubscriberHandler extends ChannelInboundHandlerAdapter {

    private final String pipe;
    private final Deliveries deliveries;
    private final ConnectionEvents events;

    SubscriberHandler(String pipe, Deliveries deliveries, ConnectionEvents events) {
        this.pipe = pipe;
        this.deliveries = deliveries;
        this.events = events;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt == UpgradeResponseDecoder.UPGRADED) {
            if (pipe == null) {
                events.upgraded(ctx.channel());
            } else {
                ByteBuf command = ByteBufUtil.writeUtf8(ctx.alloc(), "subscription\n" + pipe);
                ctx.writeAndFlush(new TextWebSocketFrame(command)).addListener((ChannelFutureListener) f -> {
                    if (f.isSuccess()) {
                        events.upgraded(f.channel());
                    } else {
                        events.failed(f.cause());
                        f.channel().close();
                    }
                });
            }
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof TextWebSocketFrame text) {
                long intended = BenchMessage.intendedNanos(text.content());
                if (intended != -1) {
                    deliveries.delivered(intended, System.nanoTime());
                }
            } else if (msg instanceof CloseWebSocketFrame) {
                ctx.close();
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        events.closed(ctx.channel());
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        events.failed(cause);
        ctx.close();
    }
}

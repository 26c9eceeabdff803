package org.spectrumcomet.comet.ws;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the listener's open connections. A connection beyond the bound is marked; the router
 * answers its first request with 503 and closes it (so the client learns why, unlike a reset).
 */
@ChannelHandler.Sharable
final class ConnectionLimit extends ChannelInboundHandlerAdapter {

    static final AttributeKey<Boolean> OVER = AttributeKey.valueOf("comet.connection.over-limit");

    private final int max;
    private final AtomicInteger open = new AtomicInteger();

    ConnectionLimit(int max) {
        this.max = max;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (open.incrementAndGet() > max) {
            ctx.channel().attr(OVER).set(Boolean.TRUE);
        }
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        open.decrementAndGet();
        ctx.fireChannelInactive();
    }

    static boolean over(ChannelHandlerContext ctx) {
        return Boolean.TRUE.equals(ctx.channel().attr(OVER).get());
    }
}

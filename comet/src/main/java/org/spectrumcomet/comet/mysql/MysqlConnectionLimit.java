package org.spectrumcomet.comet.mysql;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caps the number of open connections of a listener. A connection beyond the cap gets, instead of
 * the greeting, ERR 1040 "Too many connections" (MySQL's own code and SQLSTATE 08004, which drivers
 * recognise; CometQL has no code of its own for this) and is closed.
 *
 * <p>First handler of the pipeline, so it writes raw bytes.
 */
@Sharable
public final class MysqlConnectionLimit extends ChannelInboundHandlerAdapter {
    public static final int TOO_MANY_CONNECTIONS = 1040;
    private static final Logger log = LoggerFactory.getLogger(MysqlConnectionLimit.class);

    private final int maxConnections;
    private final AtomicInteger open = new AtomicInteger();

    public MysqlConnectionLimit(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    /** Connections currently counted. */
    public int open() {
        return open.get();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        int now = open.incrementAndGet();
        ctx.channel().closeFuture().addListener(f -> open.decrementAndGet());
        if (now > maxConnections) {
            log.warn("CometQL connection from {} refused: {} connections open, limit {}",
                    ctx.channel().remoteAddress(), now - 1, maxConnections);
            ByteBuf out = ctx.alloc().buffer();
            new QueryReply(0, new QueryResult.Failure(TOO_MANY_CONNECTIONS, "08004",
                    "Too many connections (limit " + maxConnections + ")")).writeTo(out);
            ctx.channel().config().setAutoRead(false);
            ctx.writeAndFlush(out).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        ctx.fireChannelActive();
    }
}

package org.spectrumcomet.comet.mysql;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link MysqlConnection} off the event loop: packets are handled one at a time, in arrival
 * order, on the statement executor (or, when the connection can answer without blocking, right on
 * the event loop), and the replies are written in that same order — so pipelined
 * requests get their answers in order and a statement sees the effects of the one before it.
 *
 * <p>Bound: at most {@link #MAX_PENDING} packets wait per connection; when that many are queued the
 * channel stops reading (autoRead off, TCP pushes back on the client) until the queue is down to
 * {@link #RESUME_AT}.
 *
 * <p>A client must log in within {@link #LOGIN_TIMEOUT} of the greeting (MySQL's own
 * {@code connect_timeout} default) or the connection is closed: the idle timeout (8 h) alone let
 * half-open handshakes hold every slot of {@code max_connections}.
 */
public final class MysqlChannelHandler extends ChannelInboundHandlerAdapter {
    public static final int MAX_PENDING = 64;
    public static final int RESUME_AT = 16;
    static final int TOO_LARGE_CODE = 11;
    public static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(MysqlChannelHandler.class);

    private final MysqlConnection connection;
    private final Executor statements;
    private final ArrayDeque<MysqlPacket> pending = new ArrayDeque<>();
    private ChannelHandlerContext ctx;
    private boolean running;
    private boolean finished;
    /** A final answer (oversize packet) to write once everything before it is answered. */
    private MysqlConnection.Reply last;

    public MysqlChannelHandler(MysqlConnection connection, Executor statements) {
        this.connection = connection;
        this.statements = statements;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ctx.writeAndFlush(connection.greeting());
        ctx.executor().schedule(() -> {
            if (!connection.isLoggedIn() && ctx.channel().isActive()) {
                log.info("CometQL connection {}: no login within {} s, closing", ctx.channel().remoteAddress(),
                        LOGIN_TIMEOUT.toSeconds());
                ctx.close();
            }
        }, LOGIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (finished || last != null || !(msg instanceof MysqlPacket packet)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        pending.add(packet);
        if (pending.size() >= MAX_PENDING) {
            ctx.channel().config().setAutoRead(false);
        }
        runNext();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            log.info("CometQL connection {} idle too long, closing", ctx.channel().remoteAddress());
            ctx.close();
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof MysqlPacketTooLargeException tooLarge) {
            log.warn("CometQL connection {}: {}", ctx.channel().remoteAddress(), tooLarge.getMessage());
            last = MysqlConnection.Reply.closing(new QueryReply((tooLarge.sequence() + 1) & 0xFF,
                    QueryResult.error(TOO_LARGE_CODE, "Packet too large: " + tooLarge.announced()
                            + " bytes announced, at most " + tooLarge.limit() + " accepted")));
            runNext();
            return;
        }
        log.warn("CometQL connection {} failed, closing", ctx.channel().remoteAddress(), cause);
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        finished = true;
        releasePending();
        try {
            statements.execute(connection::close);
        } catch (RejectedExecutionException e) {
            connection.close();
        }
        ctx.fireChannelInactive();
    }

    private void runNext() {
        MysqlPacket packet;
        while (true) {
            if (running || finished) {
                return;
            }
            packet = pending.poll();
            if (packet == null) {
                if (last != null) {
                    write(last);
                }
                return;
            }
            MysqlConnection.Reply now = answerWithoutBlocking(packet);
            if (now == null) {
                break;
            }
            packet.release();
            write(now);
            resumeReading();
        }
        running = true;
        try {
            MysqlPacket next = packet;
            statements.execute(() -> handle(next));
        } catch (RejectedExecutionException e) {
            packet.release();
            running = false;
            log.warn("CometQL statement executor refused work; closing {}", ctx.channel().remoteAddress());
            ctx.close();
        }
    }

    /** On the statement executor. */
    private void handle(MysqlPacket packet) {
        MysqlConnection.Reply reply;
        try {
            reply = connection.handle(packet);
        } catch (RuntimeException e) {
            log.error("CometQL connection {}: internal error", ctx.channel().remoteAddress(), e);
            reply = MysqlConnection.Reply.closing(new QueryReply((packet.sequence() + 1) & 0xFF,
                    QueryResult.error(500, "Internal server error")));
        } finally {
            packet.release();
        }
        MysqlConnection.Reply done = reply;
        ctx.executor().execute(() -> complete(done));
    }

    private void complete(MysqlConnection.Reply reply) {
        running = false;
        if (finished) {
            return;
        }
        write(reply);
        if (!finished) {
            resumeReading();
            runNext();
        }
    }

    private void resumeReading() {
        if (!finished && !ctx.channel().config().isAutoRead() && pending.size() <= RESUME_AT) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    /**
     * A statement the session answers from memory (an INSERT into a pipe without history) is
     * answered right here on the event loop: no hop to the statement executor and back. Only
     * when nothing runs for this connection, so answers keep their order.
     */
    private MysqlConnection.Reply answerWithoutBlocking(MysqlPacket packet) {
        try {
            return connection.handleWithoutBlocking(packet);
        } catch (RuntimeException e) {
            log.warn("CometQL connection {}: in-loop answer failed, retrying on the executor",
                    ctx.channel().remoteAddress(), e);
            return null;
        }
    }

    private void write(MysqlConnection.Reply reply) {
        List<ServerMessage> messages = reply.messages();
        for (ServerMessage message : messages) {
            ctx.write(message);
        }
        if (reply.close()) {
            finished = true;
            releasePending();
            ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        } else if (!messages.isEmpty()) {
            ctx.flush();
        }
    }

    private void releasePending() {
        MysqlPacket packet;
        while ((packet = pending.poll()) != null) {
            packet.release();
        }
    }
}

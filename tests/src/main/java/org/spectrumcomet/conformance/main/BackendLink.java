package org.spectrumcomet.conformance.main;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectrumcomet.conformance.main.FrameRecord.Direction;
import org.spectrumcomet.conformance.main.Violation.Effect;
import org.spectrumcomet.protocol.FrameTooLargeException;
import org.spectrumcomet.protocol.MalformedFrame;
import org.spectrumcomet.protocol.SpectrumMessage;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/**
 * The main instance's side of one accepted backend connection: records every frame, runs the
 * {@link FrameChecks}, feeds session frames to {@link MainUsers}, and keeps Spectrum's ping
 * schedule (NetworkPluginServer's 20 s timer, re-armed after each run):
 * <ul>
 *   <li>PING right after accept; the first real PONG makes the backend ready (queued LOGINs go out);</li>
 *   <li>at each tick, a backend that sent any decodable frame since the last PING gets a new PING;
 *       one that sent none is declared dead: flagged, EXIT sent, link closed, and the PID Spectrum
 *       would SIGABRT (the last STATS.id) recorded, never signalled;</li>
 *   <li>optionally, a backend without users gets EXIT and is closed at a tick (idle reaping).</li>
 * </ul>
 *
 * <pre>
 *   SpectrumFrameDecoder → WrapperMessageDecoder(reporting) → BackendLink
 * </pre>
 */
public final class BackendLink extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(BackendLink.class);

    private final MainOptions options;
    private final Recording recording;
    private final Violations violations;
    private final MainUsers users;
    private final ReceivedFrameRouter router;

    private volatile Channel channel;
    private final PingSchedule schedule = new PingSchedule();
    private volatile Instant firstPingAt;
    private volatile Instant firstPongAt;
    private volatile String abortTarget;
    private volatile boolean declaredDead;
    private volatile boolean idleExited;
    private boolean flaggedNoFirstPong;
    private ScheduledFuture<?> ticks;

    BackendLink(MainOptions options, Recording recording, Violations violations, LongSupplier expectedPid) {
        this.options = options;
        this.recording = recording;
        this.violations = violations;
        this.users = new MainUsers(violations, this::send);
        this.router = new ReceivedFrameRouter(users, violations, expectedPid);
    }

    public MainUsers users() {
        return users;
    }

    /**
     * Records and writes one frame; dropped (and logged) if the link is not open. Synchronized so
     * the recorded order is the order on the wire when several threads send.
     */
    public synchronized void send(SpectrumMessage message) {
        Channel ch = channel;
        if (ch == null || !ch.isActive()) {
            LOG.debug("not sending {}: link closed", message.type());
            return;
        }
        recording.add(Direction.SENT, message);
        ch.writeAndFlush(message).addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
    }

    /** Writes bytes as they are, bypassing the codec (for garbage and oversize frames). */
    public synchronized void sendRaw(byte[] bytes, String label) {
        Channel ch = channel;
        if (ch != null && ch.isActive()) {
            recording.add(Direction.SENT, new RawBytes(bytes.length, label));
            ch.pipeline().firstContext().writeAndFlush(Unpooled.wrappedBuffer(bytes));
        }
    }

    /** Closes the connection from the main's side (the backend sees EOF). */
    public void close() {
        Channel ch = channel;
        if (ch != null) {
            ch.close();
        }
    }

    /**
     * Waits (at most 2 s) until the link's event loop has finished the frames it was handling: a
     * frame becomes visible to awaits when recorded, before its checks have run.
     */
    public void settle() {
        Channel ch = channel;
        if (ch != null && !ch.eventLoop().isShutdown()) {
            ch.eventLoop().submit(() -> { }).awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
    }

    public Instant firstPingAt() {
        return firstPingAt;
    }

    /** When the first PONG arrived, or null. */
    public Instant firstPongAt() {
        return firstPongAt;
    }

    public String lastStatsId() {
        return router.lastStatsId();
    }

    /** The STATS.id the real main would have sent SIGABRT to on a ping timeout, or null. */
    public String abortTarget() {
        return abortTarget;
    }

    public boolean declaredDead() {
        return declaredDead;
    }

    public boolean idleExited() {
        return idleExited;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        firstPingAt = Instant.now();
        send(SpectrumMessage.of(Type.TYPE_PING));
        long every = options.pingInterval().toNanos();
        ticks = ctx.executor().scheduleWithFixedDelay(this::tick, every, every, TimeUnit.NANOSECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (ticks != null) {
            ticks.cancel(false);
        }
        recording.markClosed();
        ctx.fireChannelInactive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof MalformedFrame bad) {
            recording.add(Direction.RECEIVED, bad);
            FrameChecks.checkMalformed(bad, violations);
        } else if (msg instanceof SpectrumMessage message) {
            recording.add(Direction.RECEIVED, message);
            FrameChecks.check(message, violations);
            onMessage(message);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof FrameTooLargeException || cause.getCause() instanceof FrameTooLargeException) {
            violations.flag(Effect.DEAD, "oversize-frame", cause.getMessage());
        } else if (cause instanceof java.nio.channels.ClosedChannelException) {
            LOG.debug("write after the backend closed the link: {}", cause.toString());
        } else {
            LOG.warn("backend link error: {}", cause.toString());
        }
        ctx.close();
    }

    private void onMessage(SpectrumMessage message) {
        boolean pong = message.type() == Type.TYPE_PONG;
        if (schedule.onFrame(pong)) {
            firstPongAt = Instant.now();
            users.backendReady();
        }
        if (pong) {
            return;
        }
        router.route(message);
    }

    private void tick() {
        switch (schedule.tick()) {
            case PING -> send(SpectrumMessage.of(Type.TYPE_PING));
            case DEAD -> {
                declaredDead = true;
                String lastStatsId = router.lastStatsId();
                abortTarget = lastStatsId;
                violations.flag(Effect.DEAD, "ping-timeout", "no decodable frame within one ping period ("
                        + options.pingInterval().toMillis() + " ms) after PING: the main closes the backend"
                        + (lastStatsId != null ? " and sends SIGABRT to STATS.id " + lastStatsId : ""));
                exitAndClose();
                return;
            }
            case AWAIT_FIRST_PONG -> {
                if (!flaggedNoFirstPong) {
                    flaggedNoFirstPong = true;
                    violations.flag(Effect.DEAD, "no-first-pong", "no PONG to the first PING by the next tick: "
                            + "the main never assigns users to this backend");
                }
            }
        }
        if (options.exitIdleBackend() && users.isEmpty()) {
            idleExited = true;
            exitAndClose();
        }
    }

    private synchronized void exitAndClose() {
        Channel ch = channel;
        if (ch != null && ch.isActive()) {
            recording.add(Direction.SENT, SpectrumMessage.of(Type.TYPE_EXIT));
            ch.writeAndFlush(SpectrumMessage.of(Type.TYPE_EXIT)).addListener(ChannelFutureListener.CLOSE);
        }
    }
}

package org.spectrumcomet.bench.link;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.spectrumcomet.bench.report.LatencyRecorder;
import org.spectrumcomet.protocol.SpectrumMessage;
import org.spectrumcomet.protocol.pb.Protocol;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/**
 * The load-generating main's side of one backend connection. Everything runs on the channel's
 * event loop; counters are single-writer volatiles read by the benchmark thread.
 *
 * <ul>
 *   <li>PING on connect; the first PONG completes {@link #ready()}.</li>
 *   <li>{@link #login} sends LOGINs (window-bounded) and counts CONNECTEDs.</li>
 *   <li>{@link #startLoad}: CONV_MESSAGEs to the users in turn while the channel is writable and
 *       fewer than {@code window} are unacknowledged. For an echoing backend a message is
 *       acknowledged by its echo (so its per-user backlog is never overrun); otherwise by the PONG
 *       to a PING sent after it (the backend has read it). Without such a bound the kernel's socket
 *       buffers (megabytes on loopback) fill up and every PING waits behind them.</li>
 *   <li>{@link #startPings}: PINGs at a fixed rate, each PONG recorded from the PING's intended
 *       send time (coordinated omission).</li>
 * </ul>
 * A plain echo returns PING and LOGIN unchanged: they count as PONG and CONNECTED.
 */
final class LoadLink extends ChannelInboundHandlerAdapter {

    private static final int WRITES_PER_PUMP = 256;
    private static final String TEXT = "x".repeat(100);

    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final LatencyRecorder pongLatency = new LatencyRecorder();
    /** Intended send time and messages sent before it, per PING awaiting its PONG. */
    private final ArrayDeque<long[]> pingsInFlight = new ArrayDeque<>();
    private Channel channel;

    private List<SpectrumMessage> loadMessages = List.of();
    private int window;
    private boolean ackByEcho;
    private long ackedByPong;
    private boolean loading;
    private ArrayDeque<SpectrumMessage> loginsToSend = new ArrayDeque<>();
    private ScheduledFuture<?> pingTicker;
    private boolean pumpScheduled;

    private volatile long sent;
    private volatile long received;
    private volatile long connected;
    private volatile long pongs;
    private volatile long lastConnectedNanos;

    CompletableFuture<Void> ready() {
        return ready;
    }

    LatencyRecorder pongLatency() {
        return pongLatency;
    }

    long sent() {
        return sent;
    }

    long received() {
        return received;
    }

    long connected() {
        return connected;
    }

    long pongs() {
        return pongs;
    }

    /** When the latest CONNECTED arrived (System.nanoTime). */
    long lastConnectedNanos() {
        return lastConnectedNanos;
    }

    boolean isOpen() {
        Channel ch = channel;
        return ch != null && ch.isActive();
    }

    /** Sends LOGIN for {@code jids} as fast as the link takes them. */
    void login(List<String> jids) {
        List<SpectrumMessage> logins = new ArrayList<>(jids.size());
        for (String jid : jids) {
            logins.add(SpectrumMessage.of(Type.TYPE_LOGIN, Protocol.Login.newBuilder()
                    .setUser(jid).setLegacyName(jid.substring(0, jid.indexOf('@'))).setPassword("secret").build()));
        }
        channel.eventLoop().execute(() -> {
            loginsToSend.addAll(logins);
            pump();
        });
    }

    /** Starts the CONV_MESSAGE load to {@code jids}, at most {@code window} unacknowledged (see class doc). */
    void startLoad(List<String> jids, int window, boolean ackByEcho) {
        List<SpectrumMessage> messages = new ArrayList<>(jids.size());
        for (String jid : jids) {
            messages.add(SpectrumMessage.of(Type.TYPE_CONV_MESSAGE, Protocol.ConversationMessage.newBuilder()
                    .setUserName(jid).setBuddyName("buddy").setMessage(TEXT).build()));
        }
        channel.eventLoop().execute(() -> {
            loadMessages = messages;
            this.window = window;
            this.ackByEcho = ackByEcho;
            loading = true;
            pump();
        });
    }

    void startPings(long periodNanos) {
        channel.eventLoop().execute(() -> {
            long base = System.nanoTime();
            long[] tick = {0};
            pingTicker = channel.eventLoop().scheduleAtFixedRate(() -> {
                // the intended time, not now: a late tick still counts from when it should have gone
                pingsInFlight.add(new long[] {base + tick[0]++ * periodNanos, sent});
                channel.writeAndFlush(SpectrumMessage.of(Type.TYPE_PING), channel.voidPromise());
            }, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
        });
    }

    /** Stops load and pings (asynchronously, on the event loop). */
    void stop() {
        Channel ch = channel;
        if (ch != null) {
            ch.eventLoop().execute(() -> {
                loading = false;
                if (pingTicker != null) {
                    pingTicker.cancel(false);
                }
            });
        }
    }

    void sendExitAndClose() {
        Channel ch = channel;
        if (ch != null && ch.isActive()) {
            ch.writeAndFlush(SpectrumMessage.of(Type.TYPE_EXIT)).addListener(f -> ch.close());
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        pingsInFlight.add(new long[] {System.nanoTime(), 0});
        ctx.writeAndFlush(SpectrumMessage.of(Type.TYPE_PING), ctx.voidPromise());
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        ready.completeExceptionally(new IllegalStateException("the backend closed the link"));
        ctx.fireChannelInactive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof SpectrumMessage frame)) {
            return;
        }
        switch (frame.type()) {
            case TYPE_CONV_MESSAGE -> received++;
            case TYPE_PONG, TYPE_PING -> pong();
            case TYPE_CONNECTED, TYPE_LOGIN -> {
                connected++;
                lastConnectedNanos = System.nanoTime();
            }
            default -> {
                // roster, STATS, BACKEND_CONFIG...: not measured
            }
        }
    }

    private void pong() {
        long[] ping = pingsInFlight.poll();
        if (ping != null) {
            pongLatency.recordSince(ping[0], System.nanoTime());
            ackedByPong = ping[1];
        }
        pongs++;
        ready.complete(null);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        pump();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        pump();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ready.completeExceptionally(cause);
        ctx.close();
    }

    /** Writes a batch while allowed, then yields to reads and reschedules itself if it could go on. */
    private void pump() {
        pumpScheduled = false;
        Channel ch = channel;
        int written = 0;
        while (written < WRITES_PER_PUMP && ch.isWritable()) {
            SpectrumMessage next = nextFrame();
            if (next == null) {
                break;
            }
            ch.write(next, ch.voidPromise());
            written++;
        }
        if (written > 0) {
            ch.flush();
        }
        if (written == WRITES_PER_PUMP && !pumpScheduled) {
            pumpScheduled = true;
            ch.eventLoop().execute(this::pump);
        }
    }

    private SpectrumMessage nextFrame() {
        SpectrumMessage login = loginsToSend.poll();
        if (login != null) {
            return login;
        }
        long acknowledged = ackByEcho ? received : ackedByPong;
        if (!loading || loadMessages.isEmpty() || sent - acknowledged >= window) {
            return null;
        }
        SpectrumMessage next = loadMessages.get((int) (sent % loadMessages.size()));
        sent++;
        return next;
    }
}

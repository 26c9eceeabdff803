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
import java.util.function.Consumer;
import java.util.function.LongFunction;
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
 * A plain echo returns PING and LOGIN unchanged: they count as PONG and CONNECTED. The bridge
 * benchmark also uses it with its own LOGINs ({@link #loginAll}), messages acknowledged by
 * CONV_MESSAGE_ACK, a fixed-rate sender ({@link #startFixedRate}) and a CONV_MESSAGE listener.
 */
public final class LoadLink extends ChannelInboundHandlerAdapter {

    private static final int WRITES_PER_PUMP = 256;
    private static final String TEXT = "x".repeat(100);

    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final LatencyRecorder pongLatency = new LatencyRecorder();
    /** Intended send time and messages sent before it, per PING awaiting its PONG. */
    private final ArrayDeque<long[]> pingsInFlight = new ArrayDeque<>();
    private Channel channel;

    private LongFunction<SpectrumMessage> loadSource;
    private int window;
    private Acknowledgement acknowledgement = Acknowledgement.PONG;
    private Consumer<Protocol.ConversationMessage> conversationListener = m -> { };
    private ScheduledFuture<?> fixedRateTicker;
    private long ackedByPong;
    private boolean loading;
    private ArrayDeque<SpectrumMessage> loginsToSend = new ArrayDeque<>();
    private ScheduledFuture<?> pingTicker;
    private boolean pumpScheduled;

    private volatile long sent;
    private volatile long received;
    private volatile long connected;
    private volatile long pongs;
    private volatile long acks;
    private volatile long lastConnectedNanos;

    /** What tells the main a load message was taken by the backend (see class doc). */
    public enum Acknowledgement {
        /** the backend's echo CONV_MESSAGE */
        ECHO,
        /** the PONG to a PING sent after it */
        PONG,
        /** its CONV_MESSAGE_ACK (the message carries an id) */
        ACK
    }

    CompletableFuture<Void> ready() {
        return ready;
    }

    public LatencyRecorder pongLatency() {
        return pongLatency;
    }

    public long sent() {
        return sent;
    }

    public long received() {
        return received;
    }

    /** CONV_MESSAGE_ACKs received. */
    public long acks() {
        return acks;
    }

    /**
     * Called on the event loop with every CONV_MESSAGE the backend sends (set before the load
     * starts; it must be quick).
     */
    public void onConversationMessage(Consumer<Protocol.ConversationMessage> listener) {
        conversationListener = listener;
    }

    public long connected() {
        return connected;
    }

    public long pongs() {
        return pongs;
    }

    /** When the latest CONNECTED arrived (System.nanoTime). */
    public long lastConnectedNanos() {
        return lastConnectedNanos;
    }

    public boolean isOpen() {
        Channel ch = channel;
        return ch != null && ch.isActive();
    }

    /** Sends LOGIN for {@code jids} as fast as the link takes them. */
    void login(List<String> jids) {
        List<Protocol.Login> logins = new ArrayList<>(jids.size());
        for (String jid : jids) {
            logins.add(Protocol.Login.newBuilder()
                    .setUser(jid).setLegacyName(jid.substring(0, jid.indexOf('@'))).setPassword("secret").build());
        }
        loginAll(logins);
    }

    /** Sends these LOGINs as fast as the link takes them (legacy names and passwords as the backend needs). */
    public void loginAll(List<Protocol.Login> loginFrames) {
        List<SpectrumMessage> logins = new ArrayList<>(loginFrames.size());
        for (Protocol.Login login : loginFrames) {
            logins.add(SpectrumMessage.of(Type.TYPE_LOGIN, login));
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
        startLoad(seq -> messages.get((int) (seq % messages.size())), window, ackByEcho ? Acknowledgement.ECHO : Acknowledgement.PONG);
    }

    /**
     * Starts a window-bounded load: message number {@code seq} is {@code source.apply(seq)}; at most
     * {@code window} are sent and not yet acknowledged the {@code acknowledgement} way.
     */
    public void startLoad(LongFunction<SpectrumMessage> source, int window, Acknowledgement acknowledgement) {
        channel.eventLoop().execute(() -> {
            loadSource = source;
            this.window = window;
            this.acknowledgement = acknowledgement;
            loading = true;
            pump();
        });
    }

    /**
     * Sends {@code perSecond} messages a second on 1 ms ticks, message {@code seq} built by
     * {@code source.apply(seq, intendedNanos)} with the time it should leave (coordinated omission:
     * a late tick sends what it owes, stamped with the earlier intended times). Messages owed while
     * the link is not writable are skipped (counted in {@link #sent()} only when written), so a stall
     * shows as latency and a lower rate, never as an unbounded queue.
     */
    public void startFixedRate(long perSecond, FixedRateSource source) {
        channel.eventLoop().execute(() -> {
            long base = System.nanoTime();
            long[] seq = {0};
            fixedRateTicker = channel.eventLoop().scheduleAtFixedRate(() -> {
                long owed = (System.nanoTime() - base) * perSecond / 1_000_000_000L;
                int written = 0;
                for (; seq[0] < owed && written < WRITES_PER_PUMP * 4; seq[0]++) {
                    if (!channel.isWritable()) {
                        seq[0] = owed;
                        break;
                    }
                    long intended = base + seq[0] * 1_000_000_000L / perSecond;
                    channel.write(source.message(seq[0], intended), channel.voidPromise());
                    sent++;
                    written++;
                }
                if (written > 0) {
                    channel.flush();
                }
            }, 1, 1, TimeUnit.MILLISECONDS);
        });
    }

    /** Builds message {@code seq} of a fixed-rate load, meant to leave at {@code intendedNanos}. */
    @FunctionalInterface
    public interface FixedRateSource {
        SpectrumMessage message(long seq, long intendedNanos);
    }

    public void startPings(long periodNanos) {
        channel.eventLoop().execute(() -> {
            long base = System.nanoTime();
            long[] tick = {0};
            pingTicker = channel.eventLoop().scheduleAtFixedRate(() -> {
                // the intended time, not now: a late tick still counts from when it should have gone
                // (the first tick is due one period after base)
                pingsInFlight.add(new long[] {base + ++tick[0] * periodNanos, sent});
                channel.writeAndFlush(SpectrumMessage.of(Type.TYPE_PING), channel.voidPromise());
            }, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
        });
    }

    /** Stops load and pings (asynchronously, on the event loop). */
    public void stop() {
        Channel ch = channel;
        if (ch != null) {
            ch.eventLoop().execute(() -> {
                loading = false;
                if (fixedRateTicker != null) {
                    fixedRateTicker.cancel(false);
                    fixedRateTicker = null;
                }
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
            case TYPE_CONV_MESSAGE -> {
                received++;
                if (frame.payload() instanceof Protocol.ConversationMessage m) {
                    conversationListener.accept(m);
                }
            }
            case TYPE_CONV_MESSAGE_ACK -> acks++;
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
        long acknowledged = switch (acknowledgement) {
            case ECHO -> received;
            case PONG -> ackedByPong;
            case ACK -> acks;
        };
        if (!loading || loadSource == null || sent - acknowledged >= window) {
            return null;
        }
        SpectrumMessage next = loadSource.apply(sent);
        sent++;
        return next;
    }
}

package org.spectrumcomet.bridge.nodes;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Finds down nodes that came back: every {@code interval} it opens a TCP connection to the
 * WebSocket port of each node marked down and closes it at once; a node that accepts is live again
 * ({@link CometNodes#up}). A TCP accept is taken as enough: the first real login there confirms it,
 * and a failed one marks the node down again. Runs on one event loop of the shared group and never
 * blocks it (connects are asynchronous, bounded by {@code connectTimeout}); at most one probe per
 * node is in flight.
 *
 * <p>A node the probe brought back that is marked down again before it stayed live for
 * {@value #STABLE_TICKS} intervals (its port accepts, but logins there fail) is probed half as
 * often each time, down to once every {@value #MAX_BACKOFF_TICKS} intervals; otherwise it would
 * flap down and up at every interval, with a WARN and an INFO line each time and a failed login
 * attempt for whoever is sent there. Staying live that long resets it to every interval.
 */
public final class NodeProbe implements AutoCloseable {

    private final CometNodes nodes;
    private final EventLoop loop;
    private final Duration interval;
    private final Duration connectTimeout;
    static final int STABLE_TICKS = 10;
    static final int MAX_BACKOFF_TICKS = 16;
    // All per-node state below is confined to loop (the tick and the connect listeners run there).
    private final boolean[] inFlight;
    private final boolean[] raisedByProbe;
    private final int[] liveTicks;
    private final int[] backoffTicks;
    private final int[] skipTicks;
    private volatile ScheduledFuture<?> tick;

    private NodeProbe(CometNodes nodes, EventLoopGroup group, Duration interval, Duration connectTimeout) {
        this.nodes = nodes;
        this.loop = group.next();
        this.interval = interval;
        this.connectTimeout = connectTimeout;
        this.inFlight = new boolean[nodes.size()];
        this.raisedByProbe = new boolean[nodes.size()];
        this.liveTicks = new int[nodes.size()];
        this.backoffTicks = new int[nodes.size()];
        this.skipTicks = new int[nodes.size()];
        Arrays.fill(backoffTicks, 1);
    }

    /** Starts probing; nothing runs with a single node (it is tried by every login anyway). */
    public static NodeProbe start(CometNodes nodes, EventLoopGroup group, Duration interval, Duration connectTimeout) {
        NodeProbe probe = new NodeProbe(nodes, group, interval, connectTimeout);
        if (nodes.size() > 1) {
            probe.tick = probe.loop.scheduleAtFixedRate(probe::probeDownNodes, interval.toMillis(),
                    interval.toMillis(), TimeUnit.MILLISECONDS);
        }
        return probe;
    }

    private void probeDownNodes() {
        for (CometNode node : nodes.all()) {
            int i = node.index();
            if (node.isLive()) {
                if (raisedByProbe[i] && ++liveTicks[i] >= STABLE_TICKS) {
                    raisedByProbe[i] = false;
                    backoffTicks[i] = 1;
                }
                continue;
            }
            if (raisedByProbe[i]) {
                raisedByProbe[i] = false;
                backoffTicks[i] = Math.min(backoffTicks[i] * 2, MAX_BACKOFF_TICKS);
                skipTicks[i] = backoffTicks[i] - 1;
            }
            if (skipTicks[i] > 0) {
                skipTicks[i]--;
            } else if (!inFlight[i]) {
                probe(node);
            }
        }
    }

    private void probe(CometNode node) {
        inFlight[node.index()] = true;
        ChannelFuture f = new Bootstrap().group(loop).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
                .handler(new ChannelInboundHandlerAdapter())
                .connect(node.endpoint().wsHost(), node.endpoint().wsPort());
        f.addListener(done -> {
            inFlight[node.index()] = false;
            if (done.isSuccess()) {
                f.channel().close();
                if (!node.isLive()) {
                    raisedByProbe[node.index()] = true;
                    liveTicks[node.index()] = 0;
                }
                nodes.up(node, "probe: TCP connect to " + node.name() + " accepted");
            }
        });
    }

    /** How often down nodes are probed. */
    public Duration interval() {
        return interval;
    }

    @Override
    public void close() {
        ScheduledFuture<?> t = tick;
        if (t != null) {
            t.cancel(false);
        }
    }
}

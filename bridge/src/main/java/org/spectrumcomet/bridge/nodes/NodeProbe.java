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
import java.util.concurrent.TimeUnit;

/**
 * Finds down nodes that came back: every {@code interval} it opens a TCP connection to the
 * WebSocket port of each node marked down and closes it at once; a node that accepts is live again
 * ({@link CometNodes#up}). A TCP accept is taken as enough: the first real login there confirms it,
 * and a failed one marks the node down again. Runs on one event loop of the shared group and never
 * blocks it (connects are asynchronous, bounded by {@code connectTimeout}); at most one probe per
 * node is in flight.
 */
public final class NodeProbe implements AutoCloseable {

    private final CometNodes nodes;
    private final EventLoop loop;
    private final Duration interval;
    private final Duration connectTimeout;
    private final boolean[] inFlight;
    private volatile ScheduledFuture<?> tick;

    private NodeProbe(CometNodes nodes, EventLoopGroup group, Duration interval, Duration connectTimeout) {
        this.nodes = nodes;
        this.loop = group.next();
        this.interval = interval;
        this.connectTimeout = connectTimeout;
        this.inFlight = new boolean[nodes.size()];
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
            if (!node.isLive() && !inFlight[node.index()]) {
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

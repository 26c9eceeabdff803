package org.spectrumcomet.comet.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.group.ChannelGroup;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.spectrumcomet.comet.engine.EngineVitals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gauges read at scrape time: the engine's counts ({@code comet_subscriptions},
 * {@code comet_pipes_subscribed}, {@code comet_store_pending_writes},
 * {@code comet_offline_queue_messages}) and the outbound backlog of the listeners' sockets
 * ({@code comet_outbound_backlog_bytes}, {@code comet_outbound_backlog_max_bytes}: bytes Netty
 * holds for a socket that has not taken them yet). Nothing here runs on a hot path: each value is
 * computed when Prometheus scrapes, on the thread that scrapes (never an event loop).
 */
public final class ServerGauges {

    private static final Logger LOG = LoggerFactory.getLogger(ServerGauges.class);
    /** The offline-queue count is a store query: asked at most once a second. */
    static final long QUEUE_CACHE_NANOS = 1_000_000_000L;

    private final List<ChannelGroup> groups = new CopyOnWriteArrayList<>();
    private final EngineVitals vitals;
    private long queuedAt;
    private double queued = Double.NaN;
    private boolean queueFailureLogged;

    private ServerGauges(EngineVitals vitals) {
        this.vitals = vitals;
    }

    /** Registers the engine's gauges and the backlog gauges (of the groups {@link #watch}ed later). */
    public static ServerGauges register(CometMetrics metrics, EngineVitals vitals) {
        ServerGauges gauges = new ServerGauges(vitals);
        MeterRegistry registry = metrics.registry();
        Gauge.builder("comet.subscriptions", vitals, v -> v.subscriptions()).strongReference(true)
                .description("Pipe subscriptions of the connections on this node").register(registry);
        Gauge.builder("comet.pipes.subscribed", vitals, v -> v.pipesWithSubscribers()).strongReference(true)
                .description("Pipes with at least one subscriber on this node").register(registry);
        Gauge.builder("comet.store.pending.writes", vitals, v -> v.pendingStoreWrites()).strongReference(true)
                .description("Writes waiting for the store's group commit (SQLite store)").register(registry);
        Gauge.builder("comet.offline.queue", gauges, ServerGauges::queuedMessages).strongReference(true)
                .baseUnit("messages")
                .description("Private messages queued for offline users, all tenants (read at most once a second)")
                .register(registry);
        Gauge.builder("comet.outbound.backlog", gauges, g -> g.backlog(false)).strongReference(true)
                .baseUnit("bytes").description("Outbound bytes not yet taken by client sockets, summed")
                .register(registry);
        Gauge.builder("comet.outbound.backlog.max", gauges, g -> g.backlog(true)).strongReference(true)
                .baseUnit("bytes").description("Outbound bytes not yet taken by one client socket, the largest")
                .register(registry);
        return gauges;
    }

    /** Adds a listener's connections to the backlog gauges. */
    public void watch(ChannelGroup channels) {
        groups.add(channels);
    }

    private synchronized double queuedMessages() {
        long now = System.nanoTime();
        if (queuedAt != 0 && now - queuedAt < QUEUE_CACHE_NANOS) {
            return queued;
        }
        queuedAt = now;
        try {
            long count = vitals.queuedPrivateMessages();
            queued = count < 0 ? Double.NaN : count;
            queueFailureLogged = false;
        } catch (RuntimeException e) {
            queued = Double.NaN; // unknown, not zero: the store did not answer
            if (!queueFailureLogged) {
                LOG.warn("metrics: cannot count queued private messages: {}", e.getMessage());
                queueFailureLogged = true;
            }
        }
        return queued;
    }

    private double backlog(boolean max) {
        long sum = 0;
        long largest = 0;
        for (ChannelGroup group : groups) {
            for (Channel channel : group) {
                ChannelOutboundBuffer buffer = channel.unsafe().outboundBuffer();
                long pending = buffer == null ? 0 : buffer.totalPendingWriteBytes();
                sum += pending;
                largest = Math.max(largest, pending);
            }
        }
        return max ? largest : sum;
    }
}

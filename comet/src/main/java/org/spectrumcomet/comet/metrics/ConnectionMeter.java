package org.spectrumcomet.comet.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The connections of one protocol: {@code comet_connections_open} (gauge),
 * {@code comet_connections_accepted_total} and {@code comet_connections_closed_total}. A
 * connection counts from the moment its protocol is known (the MySQL handshake starts, or the
 * WebSocket upgrade succeeded) until its channel closes.
 */
public final class ConnectionMeter {

    /** Set on a tracked channel: where the WebSocket close codes it sends are counted. */
    static final AttributeKey<ErrorMeter.ProtocolErrors> ERRORS = AttributeKey.valueOf("comet.metrics.errors");

    private final AtomicLong open = new AtomicLong();
    private final Counter accepted;
    private final Counter closed;
    private final ErrorMeter.ProtocolErrors errors;

    ConnectionMeter(MeterRegistry registry, Protocol protocol, ErrorMeter errors) {
        String label = protocol.label();
        Gauge.builder("comet.connections.open", open, AtomicLong::get).strongReference(true)
                .description("Client connections open now").tag("protocol", label).register(registry);
        this.accepted = Counter.builder("comet.connections.accepted").tag("protocol", label)
                .description("Client connections accepted since start").register(registry);
        this.closed = Counter.builder("comet.connections.closed").tag("protocol", label)
                .description("Client connections closed since start (by either side)").register(registry);
        this.errors = errors.of(protocol);
    }

    /** Counts the channel as open until it closes (its close future, so never twice and never missed). */
    public void track(Channel channel) {
        open.incrementAndGet();
        accepted.increment();
        channel.attr(ERRORS).set(errors);
        channel.closeFuture().addListener(f -> {
            open.decrementAndGet();
            closed.increment();
        });
    }

    /**
     * Counts a WebSocket close code sent on the channel, under the protocol it was tracked as
     * (nothing for an untracked channel).
     */
    public static void closeCodeSent(Channel channel, int code) {
        ErrorMeter.ProtocolErrors errors = channel.attr(ERRORS).get();
        if (errors != null) {
            errors.sent(code);
        }
    }

    long open() {
        return open.get();
    }
}

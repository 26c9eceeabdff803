package org.spectrumcomet.comet.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The meters of one comet server, in one {@link PrometheusMeterRegistry} (injectable, so a test
 * or an embedding program reads the same meters the server writes). Every per-event meter is
 * resolved here once: the protocol layers hold the objects this class hands out and never look a
 * meter up by name on a hot path. Tenant is not a label (tenants are unbounded); protocol, kind,
 * table, result and code are.
 *
 * <p>The engine's and sockets' gauges are registered by {@link ServerGauges}; the JVM and process
 * binders (memory, GC, threads, class loading, CPU, uptime) here.
 */
public final class CometMetrics implements AutoCloseable {

    /**
     * Bucket bounds of {@code comet_publish_delivery_seconds}: 100 µs to 10 s in 1-2.5-5 steps.
     * Fixed rather than Micrometer's ~70 percentile buckets: readable {@code le} values, a smaller
     * scrape and a shorter search per observation.
     */
    static final Duration[] DELIVERY_BUCKETS = {micros(100), micros(250), micros(500), millis(1), millis(2.5),
        millis(5), millis(10), millis(25), millis(50), millis(100), millis(250), millis(500), millis(1000),
        millis(2500), millis(5000), millis(10_000)};

    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gc;
    private final ErrorMeter errors;
    private final StatementMeter statements;
    private final Map<Protocol, ConnectionMeter> connections = new EnumMap<>(Protocol.class);
    private final Map<Protocol, DeliveryMeter> deliveries = new EnumMap<>(Protocol.class);
    private final Counter[] inbound = new Counter[Inbound.values().length];

    /** A fresh registry of its own, with the JVM and process meters. */
    public CometMetrics() {
        this(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    /** The comet meters and the JVM and process meters, in {@code registry}. */
    public CometMetrics(PrometheusMeterRegistry registry) {
        this(registry, true);
    }

    private CometMetrics(PrometheusMeterRegistry registry, boolean jvm) {
        this.registry = registry;
        this.gc = jvm ? new JvmGcMetrics() : null;
        if (jvm) {
            new JvmMemoryMetrics().bindTo(registry);
            gc.bindTo(registry);
            new JvmThreadMetrics().bindTo(registry);
            new ClassLoaderMetrics().bindTo(registry);
            new ProcessorMetrics().bindTo(registry);
            new UptimeMetrics().bindTo(registry);
        }
        this.errors = new ErrorMeter(registry);
        this.statements = new StatementMeter(registry);
        Timer delivery = Timer.builder("comet.publish.delivery")
                .description("Pipe publish accepted by this node's engine -> frame written to a client socket"
                        + " (sampled: one frame per publish per event loop)")
                .serviceLevelObjectives(DELIVERY_BUCKETS)
                .register(registry);
        for (Protocol protocol : Protocol.values()) {
            if (protocol == Protocol.CHAT_PAGE) {
                continue; // one HTTP call each: its messages in and errors are counted, it keeps no connection
            }
            connections.put(protocol, new ConnectionMeter(registry, protocol, errors));
            if (protocol == Protocol.COMETQL) {
                continue; // answers statements, pushes nothing
            }
            Counter out = Counter.builder("comet.messages.out").tag("protocol", protocol.label())
                    .description("Frames written to client sockets (events, answers, errors)").register(registry);
            deliveries.put(protocol, new DeliveryMeter(out, delivery));
        }
        for (Inbound kind : Inbound.values()) {
            inbound[kind.ordinal()] = Counter.builder("comet.messages.in")
                    .tag("protocol", kind.protocol().label()).tag("kind", kind.kind())
                    .description("Messages accepted from clients for delivery, by protocol and kind")
                    .register(registry);
        }
    }

    /**
     * Meters nobody scrapes, shared, without JVM meters: for a component started without a
     * registry (tests that build one listener, fuzzers that build thousands of sessions).
     */
    public static CometMetrics unscraped() {
        return Unscraped.INSTANCE;
    }

    private static final class Unscraped {
        static final CometMetrics INSTANCE = new CometMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), false);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public ConnectionMeter connections(Protocol protocol) {
        return connections.get(protocol);
    }

    /** The push protocols' delivery meters ({@link Protocol#WEBSOCKET}, {@link Protocol#JSON_API}); null for CometQL. */
    public DeliveryMeter delivery(Protocol protocol) {
        return deliveries.get(protocol);
    }

    public ErrorMeter.ProtocolErrors errors(Protocol protocol) {
        return errors.of(protocol);
    }

    public StatementMeter statements() {
        return statements;
    }

    private static Duration micros(long micros) {
        return Duration.ofNanos(micros * 1000);
    }

    private static Duration millis(double millis) {
        return Duration.ofNanos((long) (millis * 1_000_000));
    }

    /** Counts one message accepted from a client. */
    public void received(Inbound kind) {
        inbound[kind.ordinal()].increment();
    }

    /**
     * The Prometheus text exposition (format 0.0.4). Calls every gauge, some of which ask the
     * store: call it off the event loop.
     */
    public String scrape() {
        return registry.scrape();
    }

    /** Unhooks the GC listener; the registry stays readable. */
    @Override
    public void close() {
        if (gc != null) {
            gc.close();
        }
    }
}

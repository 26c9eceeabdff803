package org.spectrumcomet.backend.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's meters and health checks, shared by the backend library and the backend on top of
 * it ({@link org.spectrumcomet.backend.BackendContext#metrics()}). With {@code [metrics]} enabled
 * the registry is Prometheus' (scraped by {@link MetricsListener}) with the JVM binders bound;
 * without it, meters are Micrometer's no-ops, so code registers and counts the same way either way.
 */
public final class BackendMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(BackendMetrics.class);

    private record NamedCheck(String name, HealthCheck check) {
    }

    private final MeterRegistry registry;
    private final PrometheusMeterRegistry prometheus;
    private final CopyOnWriteArrayList<NamedCheck> checks = new CopyOnWriteArrayList<>();

    private BackendMetrics(MeterRegistry registry, PrometheusMeterRegistry prometheus) {
        this.registry = registry;
        this.prometheus = prometheus;
    }

    /** Meters that count nothing and are never exposed (no {@code [metrics]} section). */
    public static BackendMetrics disabled() {
        return new BackendMetrics(new CompositeMeterRegistry(), null);
    }

    /** A Prometheus registry with JVM memory, GC, threads, class loading, CPU and uptime meters. */
    public static BackendMetrics prometheus() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return new BackendMetrics(registry, registry);
    }

    /** Where to register meters. */
    public MeterRegistry registry() {
        return registry;
    }

    /** True when meters are exposed (a Prometheus registry). */
    public boolean exposed() {
        return prometheus != null;
    }

    /** Adds a part of {@code /health}; names should be short words ("main", "comet"). */
    public void addHealthCheck(String name, HealthCheck check) {
        checks.add(new NamedCheck(Objects.requireNonNull(name, "name"), Objects.requireNonNull(check, "check")));
    }

    /** Every check now; a check that throws counts as down with the exception as its reason. */
    public HealthReport health() {
        Map<String, String> problems = new LinkedHashMap<>();
        for (NamedCheck c : checks) {
            String problem;
            try {
                problem = c.check().problem();
            } catch (RuntimeException e) {
                LOG.warn("health check {} failed", c.name(), e);
                problem = "check failed: " + e;
            }
            problems.put(c.name(), problem);
        }
        return new HealthReport(problems);
    }

    /** The Prometheus text exposition of every meter ("" when not exposed). */
    public String scrape() {
        return prometheus == null ? "" : prometheus.scrape();
    }
}

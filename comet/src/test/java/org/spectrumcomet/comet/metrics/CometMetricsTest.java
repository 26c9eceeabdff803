package org.spectrumcomet.comet.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

class CometMetricsTest {

    @Test
    void everyCometMetricIsDescribedAndNamedThePrometheusWay() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (CometMetrics metrics = new CometMetrics(registry)) {
            metrics.received(Inbound.WEB_PIPE2);
            metrics.delivery(Protocol.WEBSOCKET).written();
            metrics.delivery(Protocol.WEBSOCKET).delivered(System.nanoTime() - 2_000_000);
            Exposition e = new Exposition(registry.scrape());
            assertThat(e.value("comet_messages_in_total", "protocol", "websocket", "kind", "web_pipe2")).isEqualTo(1);
            assertThat(e.value("comet_messages_out_total", "protocol", "websocket")).isEqualTo(1);
            assertThat(e.value("comet_publish_delivery_seconds_count")).isEqualTo(1);
            assertThat(e.value("comet_publish_delivery_seconds_sum")).isGreaterThanOrEqualTo(0.002);
            assertThat(e.value("comet_publish_delivery_seconds_bucket", "le", "0.001")).isZero();
            assertThat(e.value("comet_publish_delivery_seconds_bucket", "le", "0.0025")).isEqualTo(1);
            assertThat(e.text.lines().filter(l -> l.startsWith("comet_publish_delivery_seconds_bucket")))
                    .hasSize(CometMetrics.DELIVERY_BUCKETS.length + 1);
            assertThat(e.value("comet_publish_delivery_seconds_bucket", "le", "+Inf")).isEqualTo(1);
            for (String name : new String[] {"comet_messages_in_total", "comet_messages_out_total",
                    "comet_connections_open", "comet_connections_accepted_total", "comet_connections_closed_total",
                    "comet_cometql_statements_total", "comet_publish_delivery_seconds"}) {
                assertThat(e.help(name)).as(name).isNotBlank();
            }
            assertThat(e.has("comet_messages_out_total", "protocol", "cometql")).isFalse();
            assertThat(e.text).contains("jvm_memory_used_bytes", "jvm_threads_live_threads", "process_uptime_seconds",
                    "process_cpu_usage", "jvm_classes_loaded_classes");
        }
    }

    @Test
    void unscrapedMetricsAreSharedAndCarryNoJvmMeters() {
        assertThat(CometMetrics.unscraped()).isSameAs(CometMetrics.unscraped());
        assertThat(CometMetrics.unscraped().scrape()).doesNotContain("jvm_memory_used_bytes");
    }
}

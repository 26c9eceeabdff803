/**
 * The backend's {@code [metrics]}: Micrometer meters with the Prometheus registry and an optional
 * HTTP listener for {@code GET /metrics} and {@code GET /health}.
 *
 * <pre>
 *   [metrics] → {@link org.spectrumcomet.backend.metrics.MetricsSettings}
 *   link, LOGIN answers, outbound frames → {@link org.spectrumcomet.backend.metrics.BackendMeters} (spectrum_backend_*)
 *   a backend's own meters and {@link org.spectrumcomet.backend.metrics.HealthCheck}s → {@link org.spectrumcomet.backend.metrics.BackendMetrics}
 *   {@link org.spectrumcomet.backend.metrics.MetricsListener} (own event loop) → {@link org.spectrumcomet.backend.metrics.MetricsHttpHandler}
 * </pre>
 * Nothing here runs on the link's event loop except counting.
 */
package org.spectrumcomet.backend.metrics;

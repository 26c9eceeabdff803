/**
 * What operators watch: {@code GET /metrics} (Micrometer, Prometheus text format) and
 * {@code GET /health} on the comet server's HTTP port.
 *
 * <ul>
 *   <li>{@link org.spectrumcomet.comet.metrics.CometMetrics} — the registry and every meter,
 *       resolved once and handed to the protocol layers ({@link
 *       org.spectrumcomet.comet.metrics.ConnectionMeter}, {@link org.spectrumcomet.comet.metrics.DeliveryMeter},
 *       {@link org.spectrumcomet.comet.metrics.StatementMeter}, {@link org.spectrumcomet.comet.metrics.ErrorMeter});</li>
 *   <li>{@link org.spectrumcomet.comet.metrics.ServerGauges} — gauges read at scrape time (engine
 *       counts, socket backlog);</li>
 *   <li>{@link org.spectrumcomet.comet.metrics.ServerHealth} — listeners bound and store answering;</li>
 *   <li>{@link org.spectrumcomet.comet.metrics.OperatorEndpoints} — the two HTTP endpoints, run off
 *       the event loop;</li>
 *   <li>{@link org.spectrumcomet.comet.metrics.CometQlMeter} — the CometQL pipeline's meter handler.</li>
 * </ul>
 *
 * Metric names and labels are listed in the README ("Metrics and health").
 */
package org.spectrumcomet.comet.metrics;

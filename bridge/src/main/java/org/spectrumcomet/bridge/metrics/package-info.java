/**
 * The bridge's meters ({@code spectrum_comet_bridge_*}) and the comet link state, on top of the
 * backend library's {@link org.spectrumcomet.backend.metrics.BackendMetrics}.
 *
 * <pre>
 *   sessions → {@link org.spectrumcomet.bridge.metrics.MeteredCometNetwork} → the comet client
 *                  ├ messages to comet, by {@link org.spectrumcomet.bridge.metrics.MessageKind} → {@link org.spectrumcomet.bridge.metrics.BridgeMeters}
 *                  └ CometQL outcomes, socket lives → {@link org.spectrumcomet.bridge.metrics.CometLinkState} (log line, gauge, /health "comet")
 *   PrivateChat / JoinedRoom → messages from comet → {@link org.spectrumcomet.bridge.metrics.BridgeMeters}
 *   scrape → {@link org.spectrumcomet.bridge.metrics.SessionGauges} (sessions by state, outbox pending)
 * </pre>
 */
package org.spectrumcomet.bridge.metrics;

/**
 * Load for the comet benchmark, the same for every server under test: many WebSocket clients
 * on a few Netty event loops speaking the CppComet WebSocket protocol (spec §I.4), spread over
 * several 127.0.0.x source addresses; publishers (CometQL over JDBC, or lines to the raw
 * baseline); and the runs built from them (fan-out, latency, INSERTs/s, idle connections).
 *
 * <pre>
 * client: UpgradeResponseDecoder → (after 101) WebSocket08FrameDecoder → SubscriberHandler
 *         WebSocket08FrameEncoder (masked)
 * </pre>
 */
package org.spectrumcomet.bench.comet.load;

/**
 * {@code bin/bench cluster}: fan-out deliveries/s and publish→deliver latency of comet-server
 * networks of 1, 2, 3… nodes sharing one real {@code redis-server}, each against the embedded
 * single node (no Redis) measured in the same run. Subscribers are the comet benchmark's
 * WebSocket clients spread evenly over the nodes and pipes; publishers are CometQL connections
 * that take turns over the nodes. Every process is started here and stopped by its PID.
 */
package org.spectrumcomet.bench.cluster;

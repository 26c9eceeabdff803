/**
 * The bridge over several comet nodes: a real {@code redis-server}, two real comet server processes
 * started with {@code --redis} (as {@code bin/comet-server} does), the bridge backend spawned by the
 * emulated Spectrum main with a {@code [comet]} section listing both nodes, and real WebSocket users
 * on each node. Skipped, with the reason, where {@code redis-server} is not installed.
 */
package org.spectrumcomet.e2e.cluster;

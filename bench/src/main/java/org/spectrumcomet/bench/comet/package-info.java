/**
 * {@code bin/bench comet}: our comet server measured against a raw Netty WebSocket broadcast
 * server (the physical limit on this machine) and, with {@code --side-by-side}, against the real
 * CppComet — idle connections and memory per connection, CometQL INSERTs/s, fan-out deliveries/s
 * and publish→deliver latency. {@code raw} holds the baseline server, {@code load} the clients
 * and publishers that drive all three the same way.
 */
package org.spectrumcomet.bench.comet;

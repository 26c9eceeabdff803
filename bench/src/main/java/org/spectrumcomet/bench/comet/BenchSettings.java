package org.spectrumcomet.bench.comet;

import java.time.Duration;

/**
 * How hard and how long every measurement of the comet benchmark runs (from the command line).
 *
 * @param warmup       publishing before the measured repeats (JIT)
 * @param measure      one measured repeat
 * @param repeats      measured repeats (min / median / max)
 * @param bodyBytes    message body size; frames are ~75 bytes more on every server
 * @param window       messages in flight per fan-out run
 * @param publishers   concurrent publishers in a fan-out run (each its own connection)
 * @param clientThreads event loops of the load clients
 * @param sources      127.0.0.x source addresses the clients spread over
 */
public record BenchSettings(Duration warmup, Duration measure, int repeats, int bodyBytes, int window, int publishers,
                     int clientThreads, int sources) {
}

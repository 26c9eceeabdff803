package org.spectrumcomet.bench.comet.load;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongConsumer;

/**
 * What the clients received: a count of benchmark messages, and (while a latency run installs a
 * recorder) each one's publish→deliver latency in nanoseconds, measured from the intended send
 * time carried in the body. The recorder is called from the clients' event loops: it must be
 * thread-safe.
 */
public final class Deliveries {

    private static final LongConsumer NONE = latency -> { };

    private final LongAdder count = new LongAdder();
    private volatile LongConsumer latencies = NONE;

    void delivered(long intendedNanos, long nowNanos) {
        count.increment();
        latencies.accept(nowNanos - intendedNanos);
    }

    public long count() {
        return count.sum();
    }

    /** Sends every following latency to {@code recorder} (null: stop recording). */
    public void recordLatencies(LongConsumer recorder) {
        this.latencies = recorder == null ? NONE : recorder;
    }
}

package org.spectrumcomet.bench.comet.load;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * Publish→deliver latency at a fixed rate. Message {@code i} is due at {@code start + i/rate};
 * its body carries that <em>intended</em> time and every subscriber's latency is measured from
 * it, so a publisher held up by a slow server counts the wait against every message it delayed
 * (coordinated omission avoided). One publisher, bounded by the duration; afterwards the run
 * waits ≤ 5 s for the last deliveries.
 */
public final class LatencyRun {

    private final Publisher publisher;
    private final Deliveries deliveries;
    private final int subscribers;
    private final int bodySize;

    public LatencyRun(Publisher publisher, Deliveries deliveries, int subscribers, int bodySize) {
        this.publisher = publisher;
        this.deliveries = deliveries;
        this.subscribers = subscribers;
        this.bodySize = bodySize;
    }

    /**
     * Publishes {@code rate} messages per second for {@code duration}, recording each
     * delivery's latency into {@code recorder}.
     *
     * @return deliveries that did not arrive (0 when every subscriber got every message)
     */
    public long run(double rate, Duration duration, LongConsumer recorder) throws Exception {
        long before = deliveries.count();
        long period = (long) (1e9 / rate);
        long start = System.nanoTime();
        long messages = (long) (duration.toNanos() / (double) period);
        deliveries.recordLatencies(recorder);
        try {
            for (long i = 0; i < messages; i++) {
                long intended = start + i * period;
                long wait = intended - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                publisher.publish(BenchMessage.body(intended, i, bodySize));
            }
            long expected = messages * subscribers;
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (deliveries.count() - before < expected && System.nanoTime() < deadline) {
                LockSupport.parkNanos(1_000_000);
            }
            return Math.max(0, expected - (deliveries.count() - before));
        } finally {
            deliveries.recordLatencies(null);
        }
    }
}

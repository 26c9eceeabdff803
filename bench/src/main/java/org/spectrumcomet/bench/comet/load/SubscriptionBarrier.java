package org.spectrumcomet.bench.comet.load;

import java.util.concurrent.locks.LockSupport;

/**
 * Waits until every client's {@code subscription} has taken effect on the server, which answers
 * nothing on success (spec §I.4.4): publishes probe messages until one probe reaches all
 * {@code subscribers}. Bounded by a timeout; probes are ordinary benchmark messages.
 */
public final class SubscriptionBarrier {

    private SubscriptionBarrier() {
    }

    /** True when a probe reached all subscribers within {@code timeoutMillis}. */
    public static boolean await(Publisher publisher, Deliveries deliveries, int subscribers, long timeoutMillis)
            throws Exception {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        long seq = 0;
        while (System.nanoTime() < deadline) {
            long before = deliveries.count();
            publisher.publish(BenchMessage.body(System.nanoTime(), seq++, 100));
            long probeEnd = Math.min(deadline, System.nanoTime() + 2_000_000_000L);
            while (deliveries.count() - before < subscribers && System.nanoTime() < probeEnd) {
                LockSupport.parkNanos(1_000_000);
            }
            if (deliveries.count() - before >= subscribers) {
                // let stragglers of earlier probes land before the next run takes its baseline
                LockSupport.parkNanos(200_000_000);
                return true;
            }
        }
        return false;
    }
}

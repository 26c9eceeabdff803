package org.spectrumcomet.bench.comet.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Saturating fan-out: publishers publish to one pipe as fast as a window allows — at most
 * {@code window} messages published but not yet delivered to all {@code subscribers} — and the
 * run reports deliveries per second. The window keeps the server's queues short (no run ever
 * hits a slow-consumer bound by construction); when deliveries stop arriving for
 * {@value #STALL_MILLIS} ms (a server dropped or closed a subscriber) the missing ones are written
 * off, counted in {@link #writtenOff()}, and publishing continues.
 */
public final class FanoutRun {

    static final long STALL_MILLIS = 500;

    private final List<Publisher> publishers;
    private final Deliveries deliveries;
    private final int subscribers;
    private final int window;
    private final int bodySize;
    private final AtomicLong published = new AtomicLong();
    private final long baseline;
    private final AtomicLong writtenOff = new AtomicLong();

    public FanoutRun(List<Publisher> publishers, Deliveries deliveries, int subscribers, int window, int bodySize) {
        this.publishers = publishers;
        this.deliveries = deliveries;
        this.subscribers = subscribers;
        this.window = window;
        this.bodySize = bodySize;
        this.baseline = deliveries.count();
    }

    /** Deliveries per second while publishing for {@code duration}, then waits for the tail to arrive. */
    public double measure(Duration duration) throws Exception {
        long startCount = deliveries.count();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (Publisher publisher : publishers) {
            Thread t = new Thread(() -> publishUntil(publisher, end, failure), "fanout-publisher");
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join(duration.toMillis() + 60_000);
        }
        long elapsed = System.nanoTime() - start;
        double perSecond = (deliveries.count() - startCount) * 1e9 / elapsed;
        if (failure.get() != null) {
            throw failure.get();
        }
        drain();
        return perSecond;
    }

    /** Messages published so far. */
    public long published() {
        return published.get();
    }

    /** Deliveries given up on after a stall (should be 0). */
    public long writtenOff() {
        return writtenOff.get();
    }

    private void publishUntil(Publisher publisher, long end, AtomicReference<Exception> failure) {
        long seq = 0;
        while (System.nanoTime() < end && failure.get() == null) {
            if (!awaitRoom(end)) {
                return;
            }
            published.incrementAndGet();
            try {
                publisher.publish(BenchMessage.body(System.nanoTime(), seq++, bodySize));
            } catch (Exception e) {
                failure.compareAndSet(null, e);
                return;
            }
        }
    }

    /** Waits until fewer than {@code window} messages are in flight; false when the run ended. */
    private boolean awaitRoom(long end) {
        long stallSince = System.nanoTime();
        long seen = deliveries.count();
        while (outstanding() >= (long) window * subscribers) {
            long now = System.nanoTime();
            if (now >= end) {
                return false;
            }
            long count = deliveries.count();
            if (count != seen) {
                seen = count;
                stallSince = now;
            } else if (now - stallSince > STALL_MILLIS * 1_000_000) {
                writtenOff.addAndGet(outstanding());
                stallSince = now;
            }
            LockSupport.parkNanos(20_000);
        }
        return true;
    }

    private long outstanding() {
        return published.get() * subscribers - (deliveries.count() - baseline) - writtenOff.get();
    }

    /** Waits (≤ 5 s) until everything published has arrived, so the next run starts clean. */
    public void drain() {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (outstanding() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(1_000_000);
        }
        long left = outstanding();
        if (left > 0) {
            writtenOff.addAndGet(left);
        }
    }
}

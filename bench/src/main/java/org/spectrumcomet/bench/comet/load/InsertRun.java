package org.spectrumcomet.bench.comet.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * CometQL INSERTs per second: each publisher (one JDBC connection each) runs on its own thread,
 * inserting into a pipe nobody subscribes to, back to back for a fixed time. One publisher is
 * "one connection", several are "pooled".
 */
public final class InsertRun {

    private final List<Publisher> connections;
    private final int bodySize;

    public InsertRun(List<Publisher> connections, int bodySize) {
        this.connections = connections;
        this.bodySize = bodySize;
    }

    /** INSERTs per second over {@code duration}. */
    public double measure(Duration duration) throws Exception {
        LongAdder done = new LongAdder();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (Publisher connection : connections) {
            Thread t = new Thread(() -> {
                long seq = 0;
                try {
                    while (System.nanoTime() < end && failure.get() == null) {
                        connection.publish(BenchMessage.body(System.nanoTime(), seq++, bodySize));
                        done.increment();
                    }
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            }, "cometql-insert");
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join(duration.toMillis() + 60_000);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return done.sum() * 1e9 / (System.nanoTime() - start);
    }
}

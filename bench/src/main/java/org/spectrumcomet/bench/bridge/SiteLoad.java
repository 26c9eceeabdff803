package org.spectrumcomet.bench.bridge;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.spectrumcomet.conformance.comet.CometTarget;

/**
 * The site's server inserting private messages over CometQL ({@code INSERT INTO users_messages},
 * plain stamped text) to the given user ids in turn, on {@code threads} connections of their own.
 * Bounded both ways: a closed loop stops inserting while {@code window} inserts are not yet seen
 * delivered; a fixed-rate loop inserts message k at start + k/rate (late ones at once, stamped with
 * their intended time). Every loop ends at {@link #close()}.
 */
final class SiteLoad implements AutoCloseable {

    private final List<Thread> threads = new ArrayList<>();
    private final List<Connection> connections = new ArrayList<>();
    private final AtomicLong inserted = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong next = new AtomicLong();
    private volatile boolean running = true;

    private SiteLoad(CometTarget target, int threadCount) throws SQLException {
        for (int i = 0; i < threadCount; i++) {
            connections.add(DriverManager.getConnection(target.jdbcUrl(), target.cometqlUser(), target.tenantKey()));
        }
    }

    /** As fast as comet takes them, with at most {@code window} inserted but not yet {@code delivered}. */
    static SiteLoad closedLoop(CometTarget target, int threadCount, long[] ids, int window, LongSupplier delivered) throws SQLException {
        SiteLoad load = new SiteLoad(target, threadCount);
        load.start(ids, (st, k) -> {
            while (load.running && load.inserted.get() - delivered.getAsLong() >= window) {
                TimeUnit.MICROSECONDS.sleep(200);
            }
            return System.nanoTime();
        });
        return load;
    }

    /** {@code perSecond} inserts a second, spread over the threads by message number. */
    static SiteLoad fixedRate(CometTarget target, int threadCount, long[] ids, long perSecond) throws SQLException {
        SiteLoad load = new SiteLoad(target, threadCount);
        long base = System.nanoTime();
        load.start(ids, (st, k) -> {
            long intended = base + k * 1_000_000_000L / perSecond;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            return intended;
        });
        return load;
    }

    long inserted() {
        return inserted.get();
    }

    long failed() {
        return failed.get();
    }

    private interface Pace {
        /** Waits until message {@code k} may go; its intended send time. */
        long await(Statement st, long k) throws InterruptedException;
    }

    private void start(long[] ids, Pace pace) {
        for (Connection connection : connections) {
            Thread t = new Thread(() -> run(connection, ids, pace), "site-load-" + threads.size());
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    private void run(Connection connection, long[] ids, Pace pace) {
        try (Statement st = connection.createStatement()) {
            while (running) {
                long k = next.getAndIncrement();
                long intended = pace.await(st, k);
                if (!running) {
                    return;
                }
                try {
                    st.executeUpdate("INSERT INTO users_messages (id, event, message) VALUES (" + ids[(int) (k % ids.length)]
                            + ", 'message', '" + Stamp.text(intended) + "')");
                    inserted.incrementAndGet();
                } catch (SQLException e) {
                    failed.incrementAndGet();
                }
            }
        } catch (SQLException | InterruptedException e) {
            failed.incrementAndGet();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread t : threads) {
            t.join(5000);
        }
        for (Connection c : connections) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }
}

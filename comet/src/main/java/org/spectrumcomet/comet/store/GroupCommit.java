package org.spectrumcomet.comet.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The classic group commit: one writer thread owns the write connection, takes every write that
 * is waiting (up to {@link #MAX_BATCH}) and runs them in one SQLite transaction, so concurrent
 * writers share one fsync instead of paying one each.
 *
 * <p><b>Acknowledgement.</b> {@link #write} returns only after the COMMIT that holds its write
 * succeeded, so "returned" still means "as durable as the fsync policy promises". Writes run in
 * submission order, so two writes of one pipe or user keep their order.
 *
 * <p><b>Failures.</b> Each write runs inside its own SAVEPOINT: a write that fails is rolled back
 * alone and its caller gets the error, the rest of the batch commits. When SQLite aborts the whole
 * transaction (it does on SQLITE_FULL and I/O errors) or the COMMIT fails, every write of the
 * batch fails with that error — none is acknowledged, none is kept.
 *
 * <p><b>Bound.</b> At most {@link #MAX_PENDING} writes wait for the writer. When the queue is full
 * the write is refused at once with a {@link CometStoreException} ("store overloaded … nothing was
 * stored"); callers report it as a store failure (CometQL ERR 500), nothing is dropped silently.
 * Callers block while they wait, so they must not be event-loop threads (engine calls run on the
 * blocking executor).
 */
final class GroupCommit implements AutoCloseable {

    /** Writes waiting for the writer thread; beyond it a write is refused. */
    static final int MAX_PENDING = 4096;
    /** Writes in one transaction: bounds the time a batch holds the writer and the WAL growth. */
    static final int MAX_BATCH = 512;
    private static final int SQLITE_FULL = 13;
    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** One write waiting for its commit; {@code transactional} false runs it alone (PRAGMAs). */
    private record Pending<T>(String what, String tenant, Work<T> work, boolean transactional,
                              CompletableFuture<T> done) {
    }

    private static final Pending<Void> STOP = new Pending<>("stop", "-", c -> null, false, null);

    private final Path file;
    private final Connection connection;
    private final BlockingQueue<Pending<?>> queue;
    private final Thread writer;
    private volatile boolean closed;
    /** Transactions committed; tests see how writes were grouped. */
    private volatile long commits;

    GroupCommit(Path file, Connection connection) {
        this(file, connection, MAX_PENDING);
    }

    GroupCommit(Path file, Connection connection, int maxPending) {
        this.file = file;
        this.connection = connection;
        this.queue = new ArrayBlockingQueue<>(maxPending);
        this.writer = new Thread(this::loop, "comet-store-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Runs {@code work} in the next group transaction and returns its result after the COMMIT. */
    <T> T write(String what, String tenant, Work<T> work) {
        return submit(new Pending<>(what, tenant, work, true, new CompletableFuture<>()));
    }

    /** Runs {@code work} on the write connection outside any transaction (e.g. a PRAGMA). */
    <T> T alone(String what, Work<T> work) {
        return submit(new Pending<>(what, "-", work, false, new CompletableFuture<>()));
    }

    private <T> T submit(Pending<T> p) {
        if (closed) {
            throw new CometStoreException(prefix(p) + "store closed", null);
        }
        if (!queue.offer(p)) {
            throw new CometStoreException(prefix(p) + "store overloaded: " + queue.size()
                    + " writes already wait for the disk; nothing was stored", null);
        }
        try {
            while (true) {
                try {
                    return p.done().get(1, TimeUnit.SECONDS);
                } catch (TimeoutException slowDisk) {
                    if (!writer.isAlive()) {
                        refuseClosed(p); // queued behind the stop: nobody will run it
                    }
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CometStoreException s) {
                throw s;
            }
            throw new CometStoreException(prefix(p) + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // The write may still commit; the caller cannot tell, so it must not acknowledge.
            throw new CometStoreException(prefix(p) + "interrupted while waiting for the commit", e);
        }
    }

    private String prefix(Pending<?> p) {
        return "store: " + p.what() + " failed for tenant " + p.tenant() + " in " + file + ": ";
    }

    private CometStoreException failure(Pending<?> p, SQLException e) {
        return new CometStoreException(prefix(p) + e.getMessage(), e, (e.getErrorCode() & 0xff) == SQLITE_FULL);
    }

    private void loop() {
        List<Pending<?>> batch = new ArrayList<>(MAX_BATCH);
        try {
            while (true) {
                batch.add(queue.take());
                queue.drainTo(batch, MAX_BATCH - 1);
                if (!runBatch(batch)) {
                    return;
                }
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            batch.forEach(this::refuseClosed);
            Pending<?> left;
            while ((left = queue.poll()) != null) {
                refuseClosed(left);
            }
        }
    }

    private void refuseClosed(Pending<?> p) {
        if (p.done() != null) {
            p.done().completeExceptionally(new CometStoreException(prefix(p) + "store closed", null));
        }
    }

    /** Runs one batch; false when it held {@link #STOP} (what follows is refused). */
    private boolean runBatch(List<Pending<?>> batch) {
        List<Pending<?>> group = new ArrayList<>(batch.size());
        for (Pending<?> p : batch) {
            if (p == STOP) {
                commitGroup(group);
                batch.removeAll(group);
                batch.remove(STOP);
                return false;
            }
            if (p.transactional()) {
                group.add(p);
            } else {
                commitGroup(group);
                group.clear();
                runAlone(p);
            }
        }
        commitGroup(group);
        return true;
    }

    private <T> void runAlone(Pending<T> p) {
        try {
            p.done().complete(p.work().run(connection));
        } catch (SQLException e) {
            p.done().completeExceptionally(failure(p, e));
        } catch (RuntimeException e) {
            p.done().completeExceptionally(e);
        }
    }

    private void commitGroup(List<Pending<?>> group) {
        if (group.isEmpty()) {
            return;
        }
        List<Object> results = new ArrayList<>(group.size());
        List<RuntimeException> errors = new ArrayList<>(group.size());
        try (Statement st = connection.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
            for (Pending<?> p : group) {
                runInSavepoint(st, p, results, errors);
            }
            st.execute("COMMIT");
            commits++;
        } catch (SQLException e) {
            // The transaction is gone (SQLite aborted it, or BEGIN/COMMIT failed): nothing of it stays.
            rollbackQuietly();
            log.error("store: a group of {} writes failed in {}: {}", group.size(), file, e.getMessage());
            for (Pending<?> p : group) {
                p.done().completeExceptionally(failure(p, e));
            }
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            complete(group.get(i), results.get(i), errors.get(i));
        }
    }

    /** Runs one write; its own failure is rolled back to the savepoint, a lost transaction is thrown. */
    private void runInSavepoint(Statement st, Pending<?> p, List<Object> results, List<RuntimeException> errors)
            throws SQLException {
        st.execute("SAVEPOINT w");
        try {
            results.add(p.work().run(connection));
            errors.add(null);
        } catch (SQLException | RuntimeException e) {
            try {
                st.execute("ROLLBACK TO w");
            } catch (SQLException transactionLost) {
                transactionLost.addSuppressed(e);
                throw e instanceof SQLException s ? s : transactionLost;
            }
            results.add(null);
            errors.add(e instanceof SQLException s ? failure(p, s) : (RuntimeException) e);
        }
        st.execute("RELEASE w");
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(Pending<T> p, Object result, RuntimeException error) {
        if (error != null) {
            p.done().completeExceptionally(error);
        } else {
            p.done().complete((T) result);
        }
    }

    private void rollbackQuietly() {
        try (Statement st = connection.createStatement()) {
            st.execute("ROLLBACK");
        } catch (SQLException alreadyRolledBack) {
            // SQLite rolled back by itself (SQLITE_FULL, I/O error): nothing left to undo
        }
    }

    /** Writes waiting for the writer thread. */
    int pending() {
        return queue.size();
    }

    /** False once closed or once the writer thread died. */
    boolean running() {
        return !closed && writer.isAlive();
    }

    long commits() {
        return commits;
    }

    /** Closes the write connection; call after {@link #close()}. */
    void closeConnection() throws SQLException {
        connection.close();
    }

    /** Lets the writes already queued finish, then stops the writer; later writes are refused. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            queue.put(STOP);
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

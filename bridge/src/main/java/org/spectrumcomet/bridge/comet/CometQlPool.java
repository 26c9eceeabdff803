package org.spectrumcomet.bridge.comet;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At most {@code pool_size} CometQL connections, each used by one statement at a time (CppComet
 * mangles two requests that arrive in one read, spec §I.2.3).
 *
 * <p>Bounds: a borrower waits at most {@code pool_wait} for a free connection, then gets
 * {@link CometQlException.Busy}. A connection that failed on the network is closed and replaced
 * by a fresh one on the next borrow; one idle for more than {@link #VALIDATE_AFTER_NANOS} is
 * checked with {@link Connection#isValid} (COM_PING, which CppComet answers) before reuse. When
 * one link is found broken, {@link #evictIdle} closes every idle connection too: a comet restart
 * kills them all, and a connection idle for less than the validation delay would otherwise be
 * reused dead.
 */
final class CometQlPool implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CometQlPool.class);
    static final long VALIDATE_AFTER_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final CometEndpoint endpoint;
    private final String url;
    private final Semaphore permits;
    private final Deque<Idle> idle = new ArrayDeque<>();
    private volatile boolean closed;

    private record Idle(Connection connection, long since) {
    }

    CometQlPool(CometEndpoint endpoint) {
        this.endpoint = endpoint;
        this.url = jdbcUrl(endpoint);
        this.permits = new Semaphore(endpoint.poolSize(), true);
    }

    /**
     * The driver URL with only settings CppComet accepts (spec §I.2.7, Part III): TLS off, no
     * compression, no server-side prepares, no pipelining or bulk, no multi-statements, and
     * {@code jdbcCompliantTruncation=false} so the driver's init statement is a plain
     * {@code set NAMES utf8mb4}. {@code autocommit} is left unset so no {@code SET autocommit=1}
     * is sent.
     */
    static String jdbcUrl(CometEndpoint e) {
        String host = e.cometqlHost().contains(":") ? "[" + e.cometqlHost() + "]" : e.cometqlHost();
        return "jdbc:mariadb://" + host + ":" + e.cometqlPort() + "/CometQL_v1"
                + "?jdbcCompliantTruncation=false&sslMode=disable&useCompression=false"
                + "&useServerPrepStmts=false&cachePrepStmts=false&disablePipeline=true"
                + "&useBulkStmts=false&useBulkStmtsForInserts=false&allowMultiQueries=false"
                + "&allowLocalInfile=false&transactionReplay=false&tcpKeepAlive=true"
                + "&connectTimeout=" + e.connectTimeout().toMillis()
                + "&socketTimeout=" + e.queryTimeout().toMillis();
    }

    /** A connection for one statement; close the lease to give it back. */
    Lease borrow() throws InterruptedException {
        return lease(false);
    }

    /** Like {@link #borrow} but always on a newly opened connection (a retry after a broken link). */
    Lease borrowFresh() throws InterruptedException {
        return lease(true);
    }

    private Lease lease(boolean fresh) throws InterruptedException {
        if (!permits.tryAcquire(endpoint.poolWait().toNanos(), TimeUnit.NANOSECONDS)) {
            throw new CometQlException.Busy("no free CometQL connection to " + endpoint.cometqlHost() + ":"
                    + endpoint.cometqlPort() + " within " + endpoint.poolWait().toMillis() + " ms (pool of "
                    + endpoint.poolSize() + " all busy)");
        }
        try {
            return new Lease(fresh ? openUnlessClosed() : reuseOrOpen());
        } catch (RuntimeException | Error e) {
            permits.release();
            throw e;
        }
    }

    private Connection openUnlessClosed() {
        if (closed) {
            throw new CometQlException("CometQL client is closed");
        }
        return open();
    }

    private Connection reuseOrOpen() {
        if (closed) {
            throw new CometQlException("CometQL client is closed");
        }
        Idle candidate;
        synchronized (idle) {
            candidate = idle.pollFirst();
        }
        if (candidate != null) {
            if (System.nanoTime() - candidate.since() < VALIDATE_AFTER_NANOS || valid(candidate.connection())) {
                return candidate.connection();
            }
            log.info("CometQL dev_id={}: idle connection to {}:{} is dead, replacing it", endpoint.devId(),
                    endpoint.cometqlHost(), endpoint.cometqlPort());
            quietlyClose(candidate.connection());
        }
        return open();
    }

    private boolean valid(Connection c) {
        try {
            return c.isValid((int) Math.max(1, endpoint.connectTimeout().toSeconds()));
        } catch (SQLException e) {
            return false;
        }
    }

    private Connection open() {
        Properties p = new Properties();
        p.setProperty("user", endpoint.user());
        p.setProperty("password", endpoint.key());
        try {
            return DriverManager.getConnection(url, p);
        } catch (SQLException e) {
            if (CometQlRunner.networkFailure(e)) {
                throw new CometQlException.Unreachable("cannot log in to CometQL at " + endpoint.cometqlHost() + ":"
                        + endpoint.cometqlPort() + " as " + endpoint.user() + ": " + e.getMessage(), e);
            }
            throw new CometQlException("cannot log in to CometQL at " + endpoint.cometqlHost() + ":"
                    + endpoint.cometqlPort() + " as " + endpoint.user() + ": " + e.getMessage(), e.getErrorCode(), e);
        }
    }

    private void giveBack(Connection c, boolean broken) {
        try {
            if (broken || closed) {
                quietlyClose(c);
                return;
            }
            synchronized (idle) {
                idle.addFirst(new Idle(c, System.nanoTime()));
            }
        } finally {
            permits.release();
        }
    }

    /** Closes every idle connection (after a broken link: the others most likely broke with it). */
    void evictIdle() {
        List<Idle> evicted;
        synchronized (idle) {
            evicted = List.copyOf(idle);
            idle.clear();
        }
        evicted.forEach(i -> quietlyClose(i.connection()));
        if (!evicted.isEmpty()) {
            log.info("CometQL dev_id={}: a link to {}:{} broke, closed {} idle connection(s) as well", endpoint.devId(),
                    endpoint.cometqlHost(), endpoint.cometqlPort(), evicted.size());
        }
    }

    /** Idle connections now (for tests and diagnostics). */
    int idleCount() {
        synchronized (idle) {
            return idle.size();
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (idle) {
            idle.forEach(i -> quietlyClose(i.connection()));
            idle.clear();
        }
    }

    private static void quietlyClose(Connection c) {
        try {
            c.close();
        } catch (SQLException | RuntimeException e) {
            log.debug("closing a CometQL connection failed: {}", e.toString());
        }
    }

    /** One borrowed connection. Call {@link #broken()} when it failed on the network. */
    final class Lease implements AutoCloseable {
        private final Connection connection;
        private boolean broken;

        private Lease(Connection connection) {
            this.connection = connection;
        }

        Connection connection() {
            return connection;
        }

        void broken() {
            broken = true;
        }

        @Override
        public void close() {
            giveBack(connection, broken);
        }
    }
}

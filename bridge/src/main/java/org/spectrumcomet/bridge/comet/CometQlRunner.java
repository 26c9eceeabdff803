package org.spectrumcomet.bridge.comet;

import java.net.SocketTimeoutException;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one CometQL statement on a pooled connection (blocking; called on the client's executor).
 *
 * <h2>When a statement is retried</h2>
 * A statement that fails because the <em>link</em> broke — the driver reports a connection failure
 * (SQLState class 08, {@link SQLNonTransientConnectionException}, "Socket error"), as opposed to a
 * CometQL ERR packet from the server — closes that connection and every idle one (a comet restart
 * kills them all). Then:
 * <ul>
 *   <li>a SELECT is retried <b>once</b> on a newly opened connection: reading twice is harmless;</li>
 *   <li>a write (INSERT/DELETE) is retried once <b>only if it failed before its text was handed to
 *       the driver</b> (the connection was already known closed). Once sent, comet may have applied
 *       it and only the answer was lost; CometQL has no transactions or idempotent inserts, so a
 *       retry could publish a message twice. The failure is reported instead (serverCode 0), so the
 *       caller sends no ACK and tells the user.</li>
 * </ul>
 * A timeout is never retried: the server is slow, not gone, and a second wait would double the
 * delay. A second link failure is reported as it is.
 */
final class CometQlRunner {

    private static final Logger log = LoggerFactory.getLogger(CometQlRunner.class);

    private final CometEndpoint endpoint;
    private final CometQlPool pool;

    CometQlRunner(CometEndpoint endpoint, CometQlPool pool) {
        this.endpoint = endpoint;
        this.pool = pool;
    }

    /** Runs {@code statement}; rows (every value as text) for a SELECT, an empty list otherwise. */
    List<Map<String, String>> run(CometQlStatement statement, boolean select) throws InterruptedException {
        try {
            return attempt(statement, select, false);
        } catch (LinkBroken first) {
            if (!select && first.sent) {
                log.warn("CometQL dev_id={}: link broke after the write was sent; not retried (comet may have "
                        + "applied it): {}", endpoint.devId(), statement);
                throw first.failure;
            }
            log.info("CometQL dev_id={}: link broke ({}), retrying once on a fresh connection: {}", endpoint.devId(),
                    first.failure.getCause().getMessage(), statement);
            try {
                return attempt(statement, select, true);
            } catch (LinkBroken again) {
                log.warn("CometQL dev_id={}: link broke again on a fresh connection: {}", endpoint.devId(), statement);
                throw again.failure;
            }
        }
    }

    private List<Map<String, String>> attempt(CometQlStatement statement, boolean select, boolean fresh)
            throws InterruptedException, LinkBroken {
        boolean sent = false;
        try (CometQlPool.Lease lease = fresh ? pool.borrowFresh() : pool.borrow()) {
            try (Statement s = lease.connection().createStatement()) {
                s.setEscapeProcessing(false);
                sent = true;
                if (!select) {
                    s.execute(statement.text());
                    log.debug("CometQL dev_id={}: {}", endpoint.devId(), statement);
                    return List.of();
                }
                try (ResultSet rs = s.executeQuery(statement.text())) {
                    return read(rs);
                }
            } catch (SQLException e) {
                boolean network = networkFailure(e);
                CometQlException failure = new CometQlException("CometQL failed on " + endpoint.cometqlHost() + ":"
                        + endpoint.cometqlPort() + " (code " + e.getErrorCode() + "): " + e.getMessage()
                        + " — statement: " + statement, network ? 0 : e.getErrorCode(), e);
                if (!network) {
                    log.warn("CometQL dev_id={} failed (code {}): {} — {}", endpoint.devId(), e.getErrorCode(),
                            statement, e.getMessage());
                    throw failure;
                }
                lease.broken();
                if (timeout(e)) {
                    log.warn("CometQL dev_id={} timed out: {} — {}", endpoint.devId(), statement, e.getMessage());
                    throw failure;
                }
                pool.evictIdle();
                throw new LinkBroken(failure, sent);
            }
        }
    }

    private static List<Map<String, String>> read(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        List<Map<String, String>> rows = new ArrayList<>();
        while (rs.next()) {
            Map<String, String> row = new HashMap<>();
            for (int c = 1; c <= meta.getColumnCount(); c++) {
                String v = rs.getString(c);
                row.put(meta.getColumnLabel(c).toLowerCase(Locale.ROOT), v == null ? "" : v);
            }
            rows.add(row);
        }
        return rows;
    }

    /** The connection is unusable (link broken or timed out), as opposed to an ERR packet from comet. */
    static boolean networkFailure(SQLException e) {
        String state = e.getSQLState();
        return e instanceof SQLNonTransientConnectionException || e instanceof SQLTransientConnectionException
                || e instanceof SQLRecoverableException || e instanceof SQLTimeoutException
                || (state != null && state.startsWith("08"));
    }

    /** The driver gave up waiting for an answer ({@code query_timeout}); the driver reports it as 08000 too. */
    static boolean timeout(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTimeoutException || t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** A link failure, and whether the statement had been handed to the driver. */
    private static final class LinkBroken extends Exception {
        final CometQlException failure;
        final boolean sent;

        LinkBroken(CometQlException failure, boolean sent) {
            super(failure.getMessage(), null, false, false);
            this.failure = failure;
            this.sent = sent;
        }
    }
}

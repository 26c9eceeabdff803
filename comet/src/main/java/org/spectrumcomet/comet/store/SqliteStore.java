package org.spectrumcomet.comet.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.locks.ReentrantLock;
import org.spectrumcomet.comet.engine.PipeMessage;
import org.spectrumcomet.comet.engine.QueuedMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link CometStore} in one SQLite file, {@code <data_dir>/comet.db}, in WAL mode.
 *
 * <p><b>Durability (fsync policy).</b> Every write is committed before the method returns. Writes
 * of concurrent callers share one transaction and one fsync ({@link GroupCommit}), each in its own
 * savepoint. With {@link FsyncPolicy#FULL} (default, {@code synchronous=FULL}) the commit is
 * fsynced, so whatever a caller acknowledged survives kill -9 and power loss. With
 * {@link FsyncPolicy#NORMAL} it survives kill -9 but a power loss may lose the last commits.
 *
 * <p><b>Failures.</b> A full disk, a read-only directory or a damaged file raises
 * {@link CometStoreException} naming the operation and tenant; the transaction is rolled back, so
 * the failed call had no effect and earlier commits stay intact.
 *
 * <p><b>Bounds.</b> Two JDBC connections: the write connection, used only by the group-commit
 * writer thread (at most {@link GroupCommit#MAX_PENDING} writes wait for it; beyond that a write
 * is refused with a {@link CometStoreException}), and a read connection used by one reader at a
 * time (WAL lets it read the last commit while the writer works). Calls block.
 */
public final class SqliteStore implements CometStore {

    /** SQLite's primary result code for "database or disk is full". */
    private static final int SQLITE_FULL = 13;

    private static final Logger log = LoggerFactory.getLogger(SqliteStore.class);
    public static final String FILE_NAME = "comet.db";

    private final Path file;
    private final GroupCommit writes;
    private final Connection reader;
    private final ReentrantLock readLock = new ReentrantLock();

    private SqliteStore(Path file, Connection writer, Connection reader) {
        this.file = file;
        this.writes = new GroupCommit(file, writer);
        this.reader = reader;
    }

    /**
     * Opens (creating if needed) the store in {@code dataDir}.
     *
     * @throws CometStoreException when the directory cannot be created or written, or the file
     *                             cannot be opened as this server's store
     */
    public static SqliteStore open(Path dataDir, FsyncPolicy fsync) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(dataDir);
        } catch (Exception e) {
            throw new CometStoreException("store: cannot create data directory " + dataDir + ": " + e, e);
        }
        if (!Files.isWritable(dataDir)) {
            throw new CometStoreException("store: data directory " + dataDir + " is not writable", null);
        }
        Connection c = null;
        Connection r = null;
        try {
            c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA busy_timeout = 10000");
                try (ResultSet rs = st.executeQuery("PRAGMA journal_mode = WAL")) {
                    if (!rs.next() || !"wal".equalsIgnoreCase(rs.getString(1))) {
                        throw new SQLException("cannot switch to WAL journal mode");
                    }
                }
                st.execute("PRAGMA synchronous = " + fsync.pragma());
            }
            SqliteSchema.apply(c);
            r = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement st = r.createStatement()) {
                st.execute("PRAGMA busy_timeout = 10000");
                st.execute("PRAGMA query_only = 1");
            }
            log.info("store: {} opened (WAL, synchronous={}, group commit)", file, fsync.pragma());
            return new SqliteStore(file, c, r);
        } catch (SQLException e) {
            closeQuietly(r);
            closeQuietly(c);
            throw new CometStoreException("store: cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} in the next group transaction; returns after its COMMIT. */
    private <T> T inTransaction(String what, String tenant, GroupCommit.Work<T> work) {
        return writes.write(what, tenant, work);
    }

    /** Runs a read on the read connection; a single SELECT needs no explicit transaction. */
    private <T> T read(String what, String tenant, GroupCommit.Work<T> work) {
        readLock.lock();
        try {
            return work.run(reader);
        } catch (SQLException e) {
            throw failure(what, tenant, e);
        } finally {
            readLock.unlock();
        }
    }

    private CometStoreException failure(String what, String tenant, SQLException e) {
        return new CometStoreException("store: " + what + " failed for tenant " + tenant + " in " + file + ": "
                + e.getMessage(), e, (e.getErrorCode() & 0xff) == SQLITE_FULL);
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }

    private static PreparedStatement query(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        bind(ps, args);
        return ps;
    }

    // ---- users_auth ----

    @Override
    public void putUserKey(String tenant, long userId, String key) {
        inTransaction("storing user key", tenant, c -> update(c,
                "INSERT OR REPLACE INTO users_auth (tenant, user_id, key) VALUES (?, ?, ?)", tenant, userId, key));
    }

    @Override
    public Optional<String> userKey(String tenant, long userId) {
        return read("reading user key", tenant, c -> {
            try (PreparedStatement ps = query(c, "SELECT key FROM users_auth WHERE tenant = ? AND user_id = ?",
                    tenant, userId); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
            }
        });
    }

    @Override
    public boolean deleteUserKey(String tenant, long userId) {
        return inTransaction("deleting user key", tenant, c -> update(c,
                "DELETE FROM users_auth WHERE tenant = ? AND user_id = ?", tenant, userId) > 0);
    }

    // ---- pipes_settings + history ----

    @Override
    public void putHistoryLength(String tenant, String pipe, int length, int keep) {
        inTransaction("storing pipe setting", tenant, c -> {
            update(c, "INSERT OR REPLACE INTO pipes_settings (tenant, pipe, length) VALUES (?, ?, ?)",
                    tenant, pipe, length);
            return trim(c, tenant, pipe, keep);
        });
    }

    private static int trim(Connection c, String tenant, String pipe, int keep) throws SQLException {
        return update(c, """
                DELETE FROM pipe_messages WHERE tenant = ? AND pipe = ? AND seq NOT IN (
                  SELECT seq FROM pipe_messages WHERE tenant = ? AND pipe = ? ORDER BY seq DESC LIMIT ?)""",
                tenant, pipe, tenant, pipe, keep);
    }

    @Override
    public OptionalInt historyLength(String tenant, String pipe) {
        return read("reading pipe setting", tenant, c -> {
            try (PreparedStatement ps = query(c, "SELECT length FROM pipes_settings WHERE tenant = ? AND pipe = ?",
                    tenant, pipe); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalInt.of(rs.getInt(1)) : OptionalInt.empty();
            }
        });
    }

    @Override
    public void deletePipe(String tenant, String pipe) {
        inTransaction("deleting pipe", tenant, c -> {
            update(c, "DELETE FROM pipes_settings WHERE tenant = ? AND pipe = ?", tenant, pipe);
            return update(c, "DELETE FROM pipe_messages WHERE tenant = ? AND pipe = ?", tenant, pipe);
        });
    }

    @Override
    public void appendHistory(String tenant, PipeMessage m, int keep) {
        inTransaction("appending to pipe history", tenant, c -> {
            update(c, "INSERT INTO pipe_messages (tenant, pipe, id, time, event, text, user_id) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)", tenant, m.pipe(), m.id(), m.time(), m.event(), m.text(), m.userId());
            return trim(c, tenant, m.pipe(), keep);
        });
    }

    @Override
    public List<PipeMessage> history(String tenant, String pipe, int limit) {
        return read("reading pipe history", tenant, c -> {
            List<PipeMessage> rows = new ArrayList<>();
            try (PreparedStatement ps = query(c, """
                    SELECT id, time, event, text, user_id FROM (
                      SELECT * FROM pipe_messages WHERE tenant = ? AND pipe = ? ORDER BY seq DESC LIMIT ?)
                    ORDER BY seq""", tenant, pipe, Math.max(0, limit)); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new PipeMessage(rs.getString(1), rs.getLong(2), pipe, rs.getString(3), rs.getString(4),
                            rs.getLong(5)));
                }
            }
            return rows;
        });
    }

    @Override
    public void clearHistory(String tenant, String pipe) {
        inTransaction("clearing pipe history", tenant, c -> update(c,
                "DELETE FROM pipe_messages WHERE tenant = ? AND pipe = ?", tenant, pipe));
    }

    @Override
    public boolean deleteHistoryMessage(String tenant, String pipe, String messageId) {
        return inTransaction("deleting a history message", tenant, c -> update(c,
                "DELETE FROM pipe_messages WHERE tenant = ? AND pipe = ? AND id = ?", tenant, pipe, messageId) > 0);
    }

    @Override
    public boolean deleteHistoryMessage(String tenant, String messageId) {
        return inTransaction("deleting a history message", tenant, c -> update(c,
                "DELETE FROM pipe_messages WHERE tenant = ? AND id = ?", tenant, messageId) > 0);
    }

    // ---- users_messages ----

    @Override
    public boolean enqueue(String tenant, QueuedMessage m, int maxQueued) {
        return inTransaction("queueing a private message", tenant, c -> {
            try (PreparedStatement ps = query(c, "SELECT COUNT(*) FROM users_messages WHERE tenant = ? AND user_id = ?",
                    tenant, m.userId()); ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getInt(1) >= maxQueued) {
                    return false;
                }
            }
            update(c, "INSERT INTO users_messages (tenant, user_id, id, event, text, time) VALUES (?, ?, ?, ?, ?, ?)",
                    tenant, m.userId(), m.id(), m.event(), m.text(), m.time());
            return true;
        });
    }

    @Override
    public List<QueuedMessage> queue(String tenant, long userId, int limit) {
        return read("reading a private queue", tenant, c -> {
            List<QueuedMessage> rows = new ArrayList<>();
            try (PreparedStatement ps = query(c, "SELECT id, event, text, time FROM users_messages "
                    + "WHERE tenant = ? AND user_id = ? ORDER BY seq LIMIT ?", tenant, userId, Math.max(0, limit));
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new QueuedMessage(rs.getString(1), userId, rs.getString(2), rs.getString(3), rs.getLong(4)));
                }
            }
            return rows;
        });
    }

    @Override
    public boolean dequeue(String tenant, long userId, String entryId) {
        return inTransaction("removing a delivered private message", tenant, c -> update(c,
                "DELETE FROM users_messages WHERE tenant = ? AND user_id = ? AND id = ?", tenant, userId, entryId) > 0);
    }

    @Override
    public void clearQueue(String tenant, long userId) {
        inTransaction("clearing a private queue", tenant, c -> update(c,
                "DELETE FROM users_messages WHERE tenant = ? AND user_id = ?", tenant, userId));
    }

    // ---- users_time ----

    @Override
    public void putLastSeen(String tenant, long userId, long unixSeconds) {
        inTransaction("storing last-seen time", tenant, c -> update(c,
                "INSERT OR REPLACE INTO users_time (tenant, user_id, time) VALUES (?, ?, ?)", tenant, userId, unixSeconds));
    }

    @Override
    public OptionalLong lastSeen(String tenant, long userId) {
        return read("reading last-seen time", tenant, c -> {
            try (PreparedStatement ps = query(c, "SELECT time FROM users_time WHERE tenant = ? AND user_id = ?",
                    tenant, userId); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        });
    }

    /** Caps the file at {@code pages} pages; lets tests meet a "disk full" without filling a disk. */
    void capPages(long pages) {
        writes.alone("capping size", c -> {
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA max_page_count = " + pages);
            }
            return null;
        });
    }

    @Override
    public long queuedMessages() {
        return read("counting queued private messages", "-", c -> {
            try (PreparedStatement ps = query(c, "SELECT COUNT(*) FROM users_messages"); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    @Override
    public int pendingWrites() {
        return writes.pending();
    }

    /** The reader answers a trivial query and the group-commit writer still runs. */
    @Override
    public void check() {
        if (!writes.running()) {
            throw new CometStoreException("store: the writer of " + file + " has stopped", null);
        }
        read("health check", "-", c -> {
            try (PreparedStatement ps = query(c, "SELECT 1"); ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    @Override
    public void close() {
        writes.close();
        readLock.lock();
        try {
            if (!reader.isClosed()) {
                reader.close();
                writes.closeConnection();
                log.info("store: {} closed", file);
            }
        } catch (SQLException e) {
            log.warn("store: closing {} failed: {}", file, e.getMessage());
        } finally {
            readLock.unlock();
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // already failing; the open error is what matters
            }
        }
    }
}

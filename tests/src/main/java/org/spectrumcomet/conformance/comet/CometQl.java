package org.spectrumcomet.conformance.comet;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The site's server side of comet: CometQL over MariaDB Connector/J, one connection, reopened once
 * when a statement fails on a broken link (the server may have been restarted). Statements are
 * plain text: bodies are written by {@link WebBodyJson}, whose output never ends a literal; names
 * and events are checked against comet's alphabet before they are put into a statement.
 */
public final class CometQl implements AutoCloseable {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern KEY = Pattern.compile("[0-9A-Za-z=+/_]{1,32}");

    private final CometTarget target;
    private Connection connection;

    public CometQl(CometTarget target) {
        this.target = target;
    }

    /** {@code INSERT INTO users_auth}: {@code key} becomes user {@code id}'s WebSocket key. */
    public void setKey(long id, String key) throws SQLException {
        require(KEY, key, "key");
        update("INSERT INTO users_auth (id, hash) VALUES (" + id + ", '" + key + "')");
    }

    /** A private message to user {@code id} (delivered now or queued); throws when comet refuses it. */
    public void sendPrivate(long id, String event, WebBody body) throws SQLException {
        require(NAME, event, "event");
        update("INSERT INTO users_messages (id, event, message) VALUES (" + id + ", '" + event + "', '"
                + WebBodyJson.encode(body) + "')");
    }

    /** Publishes on {@code pipe} as the site's server (no comet sender id). */
    public void publish(String pipe, String event, WebBody body) throws SQLException {
        require(NAME, pipe, "pipe");
        require(NAME, event, "event");
        update("INSERT INTO pipes_messages (name, event, message) VALUES ('" + pipe + "', '" + event + "', '"
                + WebBodyJson.encode(body) + "')");
    }

    /** Sets how many messages {@code pipe} keeps in its history (0..99). */
    public void setHistory(String pipe, int length) throws SQLException {
        require(NAME, pipe, "pipe");
        update("INSERT INTO pipes_settings (name, length) VALUES ('" + pipe + "', " + length + ")");
    }

    /** users_time of {@code id}: 0 online now, unix time of the last disconnect, -1 never seen. */
    public long lastOnline(long id) throws SQLException {
        List<String> row = firstRow("SELECT time FROM users_time WHERE id = " + id);
        return row.isEmpty() ? -1 : Long.parseLong(row.get(0));
    }

    /** How many private messages wait in {@code id}'s offline queue. */
    public int queued(long id) throws SQLException {
        return count("SELECT id FROM users_messages WHERE id = " + id);
    }

    private synchronized void update(String sql) throws SQLException {
        run(sql, st -> {
            st.executeUpdate(sql);
            return null;
        });
    }

    private synchronized List<String> firstRow(String sql) throws SQLException {
        return run(sql, st -> {
            List<String> row = new ArrayList<>();
            try (ResultSet rs = st.executeQuery(sql)) {
                if (rs.next()) {
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.add(rs.getString(i));
                    }
                }
            }
            return row;
        });
    }

    private synchronized int count(String sql) throws SQLException {
        return run(sql, st -> {
            int n = 0;
            try (ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    n++;
                }
            }
            return n;
        });
    }

    private interface Work<T> {
        T run(Statement st) throws SQLException;
    }

    private <T> T run(String sql, Work<T> work) throws SQLException {
        for (int attempt = 0; ; attempt++) {
            try {
                if (connection == null) {
                    connection = DriverManager.getConnection(target.jdbcUrl(), target.cometqlUser(), target.tenantKey());
                }
                try (Statement st = connection.createStatement()) {
                    return work.run(st);
                }
            } catch (SQLException e) {
                boolean linkBroken = connection == null || !connection.isValid(1);
                if (!linkBroken || attempt > 0) {
                    throw new SQLException(e.getMessage() + " [" + shorten(sql) + "]", e.getSQLState(), e.getErrorCode(), e);
                }
                closeQuietly();
            }
        }
    }

    private static void require(Pattern p, String value, String what) {
        if (value == null || !p.matcher(value).matches()) {
            throw new IllegalArgumentException("not a comet " + what + ": '" + value + "'");
        }
    }

    private static String shorten(String sql) {
        return sql.length() > 120 ? sql.substring(0, 120) + "…" : sql;
    }

    private void closeQuietly() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the link is gone anyway
            }
            connection = null;
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }
}

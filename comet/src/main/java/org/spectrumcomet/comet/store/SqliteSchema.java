package org.spectrumcomet.comet.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The tables of {@link SqliteStore}. Every table's key starts with the tenant, so equal user ids
 * and pipe names of two tenants are different rows. History and queue rows are ordered by an
 * autoincrement {@code seq}, never by time (many messages share a second).
 */
final class SqliteSchema {

    static final int VERSION = 1;

    private static final String[] TABLES = {
        """
        CREATE TABLE IF NOT EXISTS users_auth (
          tenant TEXT NOT NULL, user_id INTEGER NOT NULL, key TEXT NOT NULL,
          PRIMARY KEY (tenant, user_id))""",
        """
        CREATE TABLE IF NOT EXISTS pipes_settings (
          tenant TEXT NOT NULL, pipe TEXT NOT NULL, length INTEGER NOT NULL,
          PRIMARY KEY (tenant, pipe))""",
        """
        CREATE TABLE IF NOT EXISTS pipe_messages (
          seq INTEGER PRIMARY KEY AUTOINCREMENT, tenant TEXT NOT NULL, pipe TEXT NOT NULL,
          id TEXT NOT NULL, time INTEGER NOT NULL, event TEXT NOT NULL, text TEXT NOT NULL,
          user_id INTEGER NOT NULL)""",
        "CREATE INDEX IF NOT EXISTS pipe_messages_by_pipe ON pipe_messages (tenant, pipe, seq)",
        // DELETE ... WHERE id = '<uuid>' names no pipe; without this it would scan every pipe's history.
        "CREATE INDEX IF NOT EXISTS pipe_messages_by_id ON pipe_messages (tenant, id)",
        """
        CREATE TABLE IF NOT EXISTS users_messages (
          seq INTEGER PRIMARY KEY AUTOINCREMENT, tenant TEXT NOT NULL, user_id INTEGER NOT NULL,
          id TEXT NOT NULL, event TEXT NOT NULL, text TEXT NOT NULL, time INTEGER NOT NULL)""",
        "CREATE INDEX IF NOT EXISTS users_messages_by_user ON users_messages (tenant, user_id, seq)",
        """
        CREATE TABLE IF NOT EXISTS users_time (
          tenant TEXT NOT NULL, user_id INTEGER NOT NULL, time INTEGER NOT NULL,
          PRIMARY KEY (tenant, user_id))""",
    };

    private SqliteSchema() {
    }

    /** Creates missing tables; refuses a file written by a newer version of this server. */
    static void apply(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            int version;
            try (var rs = st.executeQuery("PRAGMA user_version")) {
                version = rs.next() ? rs.getInt(1) : 0;
            }
            if (version > VERSION) {
                throw new SQLException("store schema version " + version + " is newer than this server's "
                        + VERSION);
            }
            st.execute("BEGIN IMMEDIATE");
            for (String ddl : TABLES) {
                st.executeUpdate(ddl);
            }
            st.executeUpdate("PRAGMA user_version = " + VERSION);
            st.execute("COMMIT");
        }
    }
}

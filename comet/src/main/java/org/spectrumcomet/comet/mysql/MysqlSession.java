package org.spectrumcomet.comet.mysql;

/** One authenticated connection's statements; calls never overlap and may block. */
public interface MysqlSession {

    /** Runs one COM_QUERY. */
    QueryResult query(String sql);

    /**
     * Selects a database (login packet or COM_INIT_DB); a {@link QueryResult.Failure} refuses it.
     */
    QueryResult useDatabase(String database);

    /** The connection is gone. */
    void close();
}

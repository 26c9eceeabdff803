package org.spectrumcomet.comet.mysql;

/** One authenticated connection's statements; calls never overlap and may block (except where said). */
public interface MysqlSession {

    /** Runs one COM_QUERY. */
    QueryResult query(String sql);

    /**
     * Answers a COM_QUERY on the calling (event-loop) thread when that needs no blocking call;
     * empty otherwise, and {@link #query} then runs it on a blocking thread. Never blocks.
     */
    default java.util.Optional<QueryResult> queryWithoutBlocking(String sql) {
        return java.util.Optional.empty();
    }

    /**
     * Selects a database (login packet or COM_INIT_DB); a {@link QueryResult.Failure} refuses it.
     */
    QueryResult useDatabase(String database);

    /** The connection is gone. */
    void close();
}

package org.spectrumcomet.comet.mysql;

import java.util.List;

/** What a command produced, independent of its encoding. */
public sealed interface QueryResult {

    /** SQLSTATE of every CometQL error, as CppComet sends it. */
    String GENERAL_STATE = "HY000";

    static QueryResult ok() {
        return new Ok(0, 0);
    }

    static QueryResult error(int code, String message) {
        return new Failure(code, GENERAL_STATE, message);
    }

    /** OK packet. */
    record Ok(long affectedRows, long lastInsertId) implements QueryResult {
    }

    /** ERR packet; {@code sqlState} is 5 characters. */
    record Failure(int code, String sqlState, String message) implements QueryResult {
    }

    /**
     * A text result set. Every column is sent as a VAR_STRING; there are no NULLs (a missing value
     * is an empty string), like CppComet.
     */
    record Rows(List<String> columns, List<List<String>> rows) implements QueryResult {
        public Rows {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
        }
    }

    /** A lone EOF packet (the answer to COM_FIELD_LIST: "no fields"). */
    record EndOfFields() implements QueryResult {
    }
}

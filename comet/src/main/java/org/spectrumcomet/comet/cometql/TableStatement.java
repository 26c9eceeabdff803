package org.spectrumcomet.comet.cometql;

import java.util.List;
import java.util.Map;

/**
 * A CometQL statement on a table, as parsed: names exactly as written (case kept, quotes removed),
 * values as their raw text. Checked against the table later, by {@link TableStatementRunner}.
 */
sealed interface TableStatement {

    String table();

    /**
     * {@code SELECT * | col, ... FROM table [WHERE ...] [LIMIT [offset,] count]}.
     *
     * @param columns empty for {@code *}
     * @param limit -1 when absent
     */
    record Select(String table, List<String> columns, Map<String, List<String>> where, long offset, long limit)
            implements TableStatement {
    }

    /**
     * {@code INSERT INTO table [(col, ...)] VALUES (v, ...)}.
     *
     * @param columns empty when the statement names none (values then follow the table's columns)
     */
    record Insert(String table, List<String> columns, List<String> values) implements TableStatement {
    }

    /** {@code DELETE FROM table WHERE ...}. */
    record Delete(String table, Map<String, List<String>> where) implements TableStatement {
    }
}

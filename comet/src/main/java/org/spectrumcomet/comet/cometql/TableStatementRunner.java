package org.spectrumcomet.comet.cometql;

import static org.spectrumcomet.comet.cometql.CometQlException.COLUMN_ERROR;
import static org.spectrumcomet.comet.cometql.CometQlException.KEY_REQUIRED;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.spectrumcomet.comet.mysql.QueryResult;

/**
 * Checks a parsed {@link TableStatement} against its table (names, key column, value rules) and
 * runs it. Conditions on non-key columns are accepted and ignored, as CppComet does.
 */
final class TableStatementRunner {
    private TableStatementRunner() {
    }

    static QueryResult run(TableStatement statement, TableContext context) {
        CometTable table = CometTables.require(statement.table());
        if (statement instanceof TableStatement.Select select) {
            return select(table, select, context);
        }
        if (!table.writable()) {
            throw table.readOnly();
        }
        if (statement instanceof TableStatement.Insert insert) {
            return table.insert(context, row(table, insert));
        }
        TableStatement.Delete delete = (TableStatement.Delete) statement;
        Map<String, List<String>> where = delete.where();
        if (table.deleteKey() != null && !where.containsKey(table.key()) && where.containsKey(table.deleteKey())) {
            checkColumns(table, where);
            return table.delete(context, where);
        }
        return table.delete(context, keyed(table, where));
    }

    /**
     * An INSERT into {@code pipes_messages} when the engine can publish it without blocking;
     * empty for any other statement or when the publish needs the store.
     */
    static Optional<QueryResult> publishWithoutBlocking(TableStatement.Insert insert, TableContext context) {
        CometTable table = CometTables.require(insert.table());
        if (!(table instanceof PipesMessagesTable pipes)) {
            return Optional.empty();
        }
        return pipes.insertWithoutBlocking(context, row(table, insert));
    }

    private static QueryResult select(CometTable table, TableStatement.Select select, TableContext context) {
        List<String> columns = select.columns().isEmpty() ? table.columns() : select.columns();
        List<Integer> positions = new ArrayList<>();
        for (String column : columns) {
            positions.add(position(table, column));
        }
        Map<String, List<String>> where = keyed(table, select.where());
        List<List<String>> rows = table.rows(context, where.get(table.key()));
        long from = Math.min(select.offset(), rows.size());
        long to = select.limit() < 0 ? rows.size() : Math.min(rows.size(), from + select.limit());
        List<List<String>> projected = new ArrayList<>();
        for (List<String> row : rows.subList((int) from, (int) to)) {
            List<String> values = new ArrayList<>(positions.size());
            for (int p : positions) {
                values.add(row.get(p));
            }
            projected.add(values);
        }
        return new QueryResult.Rows(columns, projected);
    }

    private static Map<String, String> row(CometTable table, TableStatement.Insert insert) {
        List<String> columns = insert.columns().isEmpty() ? table.columns() : insert.columns();
        if (columns.size() != insert.values().size()) {
            throw new CometQlException(COLUMN_ERROR, "Column count doesn't match value count (" + columns.size()
                    + " columns, " + insert.values().size() + " values)");
        }
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            position(table, columns.get(i));
            if (row.put(columns.get(i), insert.values().get(i)) != null) {
                throw new CometQlException(KEY_REQUIRED, "Column `" + columns.get(i) + "` is named twice");
            }
        }
        return row;
    }

    /** Checks the WHERE columns and pins the key column; validates the key values. */
    private static Map<String, List<String>> keyed(CometTable table, Map<String, List<String>> where) {
        checkColumns(table, where);
        List<String> keys = where.get(table.key());
        if (keys == null) {
            throw new CometQlException(KEY_REQUIRED, "The WHERE clause must select rows of `" + table.name()
                    + "` by `" + table.key() + "` with = or IN (...)");
        }
        for (String key : keys) {
            if (table.key().equals("name")) {
                ValueRules.pipeName(key);
            } else {
                ValueRules.userId(key);
            }
        }
        return where;
    }

    private static void checkColumns(CometTable table, Map<String, List<String>> where) {
        for (String column : where.keySet()) {
            position(table, column);
        }
    }

    private static int position(CometTable table, String column) {
        int position = table.columns().indexOf(column);
        if (position < 0) {
            throw new CometQlException(COLUMN_ERROR, "Not a specific column: `" + column + "` is not a column of `"
                    + table.name() + "`" + (table.columns().contains(column.toLowerCase(java.util.Locale.ROOT))
                    ? " (column names are lower case)" : ""));
        }
        return position;
    }
}

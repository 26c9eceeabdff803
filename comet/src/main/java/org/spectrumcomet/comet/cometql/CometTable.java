package org.spectrumcomet.comet.cometql;

import java.util.List;
import java.util.Map;
import org.spectrumcomet.comet.mysql.QueryResult;

/**
 * One CometQL table: its columns ({@code SELECT *} order), the key column every SELECT and DELETE
 * must pin, and what SELECT, INSERT and DELETE do. Tables are read-only unless they override
 * {@link #insert} / {@link #delete}.
 */
abstract class CometTable {

    /** A column and the SQL type {@code DESCRIBE} reports for it. */
    record ColumnSpec(String name, String type) {
    }

    private final String name;
    private final List<ColumnSpec> columns;
    /** The column names, built once: every statement looks them up. */
    private final List<String> names;
    private final String key;

    CometTable(String name, String key, ColumnSpec... columns) {
        this.name = name;
        this.key = key;
        this.columns = List.of(columns);
        this.names = this.columns.stream().map(ColumnSpec::name).toList();
    }

    final String name() {
        return name;
    }

    final String key() {
        return key;
    }

    final List<ColumnSpec> columnSpecs() {
        return columns;
    }

    final List<String> columns() {
        return names;
    }

    /** The rows for these key values, each in {@link #columns()} order. */
    abstract List<List<String>> rows(TableContext context, List<String> keys);

    /**
     * A column other than the key that may pin the rows of a DELETE on its own, or null. CppComet
     * deletes one pipe message by {@code id} without naming its pipe.
     */
    String deleteKey() {
        return null;
    }

    /** False for tables that refuse INSERT and DELETE with ERR 10. */
    boolean writable() {
        return false;
    }

    /** Inserts one row (columns already checked to exist, each named once). */
    QueryResult insert(TableContext context, Map<String, String> row) {
        throw readOnly();
    }

    /** Deletes what {@code where} selects (the key column is present). */
    QueryResult delete(TableContext context, Map<String, List<String>> where) {
        throw readOnly();
    }

    final CometQlException readOnly() {
        return new CometQlException(CometQlException.READ_ONLY, "Table `" + name + "` is read only");
    }

    static ColumnSpec text(String name) {
        return new ColumnSpec(name, "varchar(255)");
    }

    static ColumnSpec number(String name) {
        return new ColumnSpec(name, "int(11)");
    }
}

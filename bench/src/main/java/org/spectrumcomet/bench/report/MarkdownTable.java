package org.spectrumcomet.bench.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * One Markdown table: a header row and rows of cells. The first column names the row (a
 * benchmark case), so tests and ratio code can look a cell up by row label and column name.
 * Pipes inside cells are escaped so a value can never break the table.
 */
public final class MarkdownTable {

    private final List<String> columns;
    private final List<List<String>> rows = new ArrayList<>();

    public MarkdownTable(String... columns) {
        if (columns.length == 0) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        this.columns = List.of(columns);
    }

    /** Adds a row; values are rendered with {@link Numbers#format(Object)}. */
    public MarkdownTable row(Object... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, table has "
                    + columns.size() + " columns: " + columns);
        }
        List<String> row = new ArrayList<>(cells.length);
        for (Object cell : cells) {
            row.add(Numbers.format(cell));
        }
        rows.add(Collections.unmodifiableList(row));
        return this;
    }

    public List<String> columns() {
        return columns;
    }

    public List<List<String>> rows() {
        return Collections.unmodifiableList(rows);
    }

    /** The labels in the first column, in order. */
    public List<String> rowLabels() {
        List<String> labels = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            labels.add(row.get(0));
        }
        return labels;
    }

    /** The cell of the first row labelled {@code rowLabel}, under {@code column}. */
    public Optional<String> cell(String rowLabel, String column) {
        int index = columns.indexOf(column);
        if (index < 0) {
            return Optional.empty();
        }
        return rows.stream().filter(r -> r.get(0).equals(rowLabel)).findFirst().map(r -> r.get(index));
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        appendRow(out, columns);
        out.append('|');
        for (int i = 0; i < columns.size(); i++) {
            out.append(i == 0 ? "---|" : "---:|");
        }
        out.append('\n');
        for (List<String> row : rows) {
            appendRow(out, row);
        }
        return out.toString();
    }

    private static void appendRow(StringBuilder out, List<String> cells) {
        out.append('|');
        for (String cell : cells) {
            out.append(' ').append(cell.replace("|", "\\|").replace('\n', ' ')).append(" |");
        }
        out.append('\n');
    }

    @Override
    public String toString() {
        return render();
    }
}

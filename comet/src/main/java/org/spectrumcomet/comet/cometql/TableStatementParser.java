package org.spectrumcomet.comet.cometql;

import static org.spectrumcomet.comet.cometql.CometQlException.NOT_IMPLEMENTED;
import static org.spectrumcomet.comet.cometql.CometQlException.SYNTAX;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.Limit;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.Values;

/**
 * Turns lexed CometQL text (see {@link QueryLexer}) into a {@link TableStatement} with JSqlParser,
 * refusing every SQL feature CometQL does not have with a specific error.
 */
final class TableStatementParser {
    static final int MAX_COLUMNS = 20;

    private TableStatementParser() {
    }

    static TableStatement parse(QueryLexer.Lexed lexed) {
        Optional<TableStatement> plain = PlainInsertReader.read(lexed);
        if (plain.isPresent()) {
            return plain.get();
        }
        return parseWithJsqlParser(lexed);
    }

    /** The general path (and the reference {@link PlainInsertReader} is tested against). */
    static TableStatement parseWithJsqlParser(QueryLexer.Lexed lexed) {
        Statement statement;
        try {
            statement = CCJSqlParserUtil.parse(lexed.text(), ParserThreads.EXECUTOR, null);
        } catch (JSQLParserException | RuntimeException e) {
            throw new CometQlException(SYNTAX, "Syntax error in query");
        }
        ValueReader values = new ValueReader(lexed);
        if (statement instanceof PlainSelect select) {
            return select(select, values);
        }
        if (statement instanceof Insert insert) {
            return insert(insert, values);
        }
        if (statement instanceof Delete delete) {
            return delete(delete, values);
        }
        throw new CometQlException(NOT_IMPLEMENTED, "Only SELECT, INSERT and DELETE are implemented in CometQL");
    }

    private static TableStatement select(PlainSelect select, ValueReader values) {
        if (select.getOrderByElements() != null) {
            throw new CometQlException(NOT_IMPLEMENTED, "Token ORDER BY is not yet implemented");
        }
        if (select.getJoins() != null || select.getGroupBy() != null || select.getHaving() != null
                || select.getDistinct() != null || select.getWithItemsList() != null) {
            throw new CometQlException(NOT_IMPLEMENTED, "CometQL SELECT has no JOIN, GROUP BY, HAVING, DISTINCT or WITH");
        }
        if (!(select.getFromItem() instanceof Table table)) {
            throw new CometQlException(SYNTAX, "Syntax error in query: SELECT needs FROM <table>");
        }
        List<String> columns = new ArrayList<>();
        for (SelectItem<?> item : select.getSelectItems()) {
            if (item.getExpression() instanceof AllColumns) {
                if (select.getSelectItems().size() > 1) {
                    throw new CometQlException(SYNTAX, "Syntax error in query: * with other columns");
                }
            } else if (item.getExpression() instanceof Column column && item.getAlias() == null) {
                columns.add(Identifiers.unquote(column.getColumnName()));
            } else {
                throw new CometQlException(NOT_IMPLEMENTED, "Only column names can be selected, not `"
                        + item + "`");
            }
        }
        if (columns.size() > MAX_COLUMNS) {
            throw new CometQlException(CometQlException.TOO_MANY_COLUMNS, "Too many columns (at most " + MAX_COLUMNS + ")");
        }
        long offset = 0;
        long limit = -1;
        Limit clause = select.getLimit();
        if (clause != null) {
            limit = clause.getRowCount() == null ? -1 : values.number(clause.getRowCount(), "LIMIT");
            offset = clause.getOffset() == null ? 0 : values.number(clause.getOffset(), "LIMIT offset");
        }
        if (select.getOffset() != null) {
            offset = values.number(select.getOffset().getOffset(), "OFFSET");
        }
        return new TableStatement.Select(tableName(table), columns, WhereClause.read(select.getWhere(), values),
                offset, limit);
    }

    private static TableStatement insert(Insert insert, ValueReader values) {
        if (insert.getSelect() == null || !(insert.getSelect() instanceof Values rows)) {
            throw new CometQlException(NOT_IMPLEMENTED, "CometQL INSERT takes VALUES (...) only");
        }
        if (insert.getDuplicateUpdateSets() != null || insert.getSetUpdateSets() != null) {
            throw new CometQlException(NOT_IMPLEMENTED, "CometQL INSERT has no SET or ON DUPLICATE KEY UPDATE");
        }
        ExpressionList<?> row = rows.getExpressions();
        if (row.size() == 1 && row.get(0) instanceof ParenthesedExpressionList<?> only) {
            row = only;
        } else if (!row.isEmpty() && row.stream().allMatch(e -> e instanceof ParenthesedExpressionList<?>)) {
            throw new CometQlException(NOT_IMPLEMENTED, "Multi-row INSERT is not implemented; insert one row per statement");
        }
        List<String> columns = new ArrayList<>();
        if (insert.getColumns() != null) {
            for (Column column : insert.getColumns()) {
                columns.add(Identifiers.unquote(column.getColumnName()));
            }
        }
        List<String> texts = new ArrayList<>();
        for (Expression value : row) {
            texts.add(values.text(value));
        }
        if (columns.size() > MAX_COLUMNS || texts.size() > MAX_COLUMNS) {
            throw new CometQlException(CometQlException.TOO_MANY_COLUMNS, "Too many columns (at most " + MAX_COLUMNS + ")");
        }
        return new TableStatement.Insert(tableName(insert.getTable()), columns, texts);
    }

    private static TableStatement delete(Delete delete, ValueReader values) {
        if (delete.getOrderByElements() != null) {
            throw new CometQlException(NOT_IMPLEMENTED, "Token ORDER BY is not yet implemented");
        }
        // getTables() is not checked: JSqlParser may list the FROM table there too.
        if (present(delete.getJoins()) || delete.getLimit() != null || present(delete.getUsingList())) {
            throw new CometQlException(NOT_IMPLEMENTED, "CometQL DELETE takes FROM <table> WHERE ... only");
        }
        return new TableStatement.Delete(tableName(delete.getTable()), WhereClause.read(delete.getWhere(), values));
    }

    private static boolean present(List<?> list) {
        return list != null && !list.isEmpty();
    }

    private static String tableName(Table table) {
        if (table == null) {
            // JSqlParser accepts a bare "DELETE FROM" (e.g. when a comment ate the rest) with no table.
            throw new CometQlException(SYNTAX, "Syntax error in query: no table");
        }
        if (table.getSchemaName() != null && !Identifiers.unquote(table.getSchemaName()).equals(CometQlSession.DATABASE)) {
            throw new CometQlException(CometQlException.DOES_NOT_EXIST,
                    "Database `" + Identifiers.unquote(table.getSchemaName()) + "` doesn't exist");
        }
        return Identifiers.unquote(table.getName());
    }
}

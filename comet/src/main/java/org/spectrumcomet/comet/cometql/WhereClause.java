package org.spectrumcomet.comet.cometql;

import static org.spectrumcomet.comet.cometql.CometQlException.KEY_REQUIRED;
import static org.spectrumcomet.comet.cometql.CometQlException.NOT_IMPLEMENTED;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Parenthesis;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.schema.Column;

/**
 * A WHERE clause as CometQL allows it: conditions {@code col = v} or {@code col IN (v, ...)} joined
 * by AND, each column at most once. Read into column → values, in the order written.
 *
 * <p>Bounds (CppComet's): at most {@value #MAX_CONDITIONS} conditions and {@value #MAX_VALUES}
 * values in one IN list.
 */
final class WhereClause {
    static final int MAX_CONDITIONS = 10;
    static final int MAX_VALUES = 4000;

    private WhereClause() {
    }

    static Map<String, List<String>> read(Expression where, ValueReader values) {
        Map<String, List<String>> conditions = new LinkedHashMap<>();
        if (where != null) {
            collect(where, values, conditions);
        }
        return conditions;
    }

    private static void collect(Expression e, ValueReader values, Map<String, List<String>> into) {
        if (e instanceof Parenthesis parenthesis) {
            collect(parenthesis.getExpression(), values, into);
        } else if (e instanceof ExpressionList<?> list && list.size() == 1) {
            collect(list.get(0), values, into);
        } else if (e instanceof AndExpression and) {
            collect(and.getLeftExpression(), values, into);
            collect(and.getRightExpression(), values, into);
        } else if (e instanceof OrExpression or) {
            Set<String> seen = new HashSet<>();
            for (String column : columnsOf(or, new ArrayList<>())) {
                if (!seen.add(column)) {
                    throw new CometQlException(KEY_REQUIRED, "Each column in the conditions used only once (`" + column + "` repeats)");
                }
            }
            throw new CometQlException(NOT_IMPLEMENTED, "Operator OR is not yet implemented; use IN (...)");
        } else if (e instanceof EqualsTo equals) {
            put(into, column(equals.getLeftExpression()), List.of(values.text(equals.getRightExpression())));
        } else if (e instanceof InExpression in && !in.isNot() && in.getRightExpression() instanceof ExpressionList<?> list) {
            if (list.size() > MAX_VALUES) {
                throw new CometQlException(CometQlException.TOO_MANY_VALUES, "Too many values in IN (at most " + MAX_VALUES + ")");
            }
            List<String> texts = new ArrayList<>(list.size());
            for (Expression value : list) {
                texts.add(values.text(value));
            }
            put(into, column(in.getLeftExpression()), texts);
        } else {
            String operator = e instanceof BinaryExpression binary ? binary.getStringExpression() : e.toString();
            throw new CometQlException(NOT_IMPLEMENTED, "Operator " + operator
                    + " is not implemented; CometQL conditions are col = value or col IN (...) joined by AND");
        }
    }

    private static void put(Map<String, List<String>> into, String column, List<String> values) {
        if (into.containsKey(column)) {
            throw new CometQlException(KEY_REQUIRED, "Each column in the conditions used only once (`" + column + "` repeats)");
        }
        if (into.size() >= MAX_CONDITIONS) {
            throw new CometQlException(CometQlException.TOO_MANY_CONDITIONS, "Too many conditions (at most " + MAX_CONDITIONS + ")");
        }
        into.put(column, values);
    }

    private static String column(Expression e) {
        if (e instanceof Column column && column.getTable() == null) {
            return Identifiers.unquote(column.getColumnName());
        }
        throw new CometQlException(CometQlException.SYNTAX, "Syntax error in query: a condition starts with a column name, not `" + e + "`");
    }

    private static List<String> columnsOf(Expression e, List<String> into) {
        if (e instanceof BinaryExpression binary) {
            if (binary.getLeftExpression() instanceof Column column) {
                into.add(Identifiers.unquote(column.getColumnName()));
            } else {
                columnsOf(binary.getLeftExpression(), into);
            }
            columnsOf(binary.getRightExpression(), into);
        } else if (e instanceof InExpression in && in.getLeftExpression() instanceof Column column) {
            into.add(Identifiers.unquote(column.getColumnName()));
        } else if (e instanceof Parenthesis parenthesis) {
            columnsOf(parenthesis.getExpression(), into);
        }
        return into;
    }
}

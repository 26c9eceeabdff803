package org.spectrumcomet.comet.cometql;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.spectrumcomet.comet.mysql.QueryResult;

/**
 * {@code SELECT item [AS alias], ...} without a table, as drivers send at connect time: items are
 * {@code @@[session.|global.]variable}, {@code DATABASE()}, {@code VERSION()}, {@code USER()},
 * integers and string literals. One row; a column is named by its alias or by the item as written.
 */
final class SelectWithoutTable {
    private static final Pattern ITEM = Pattern.compile(
            "(.+?)(?:\\s+(?:AS\\s+)?(`[^`]+`|'\\d+'|[A-Za-z_][A-Za-z0-9_$]*))?", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern VARIABLE = Pattern.compile("@@((?:(?:session|global|local)\\.)?[A-Za-z_][A-Za-z0-9_]*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FUNCTION = Pattern.compile("([A-Za-z_]+)\\s*\\(\\s*\\)");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern LITERAL = Pattern.compile("'(\\d+)'");

    private final CometQlSession session;
    private final ServerVariables variables;

    SelectWithoutTable(CometQlSession session, ServerVariables variables) {
        this.session = session;
        this.variables = variables;
    }

    QueryResult answer(String items, QueryLexer.Lexed lexed) {
        List<String> columns = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (String item : splitTopLevel(items)) {
            Matcher m = ITEM.matcher(item.strip());
            if (!m.matches()) {
                return unsupported(item);
            }
            String expression = m.group(1).strip();
            String value = evaluate(expression, lexed);
            if (value == null) {
                return unsupported(expression);
            }
            String alias = m.group(2);
            columns.add(alias == null ? displayName(expression, lexed) : aliasName(alias, lexed));
            values.add(value);
        }
        return new QueryResult.Rows(columns, List.of(values));
    }

    private String evaluate(String expression, QueryLexer.Lexed lexed) {
        Matcher m = VARIABLE.matcher(expression);
        if (m.matches()) {
            return variables.value(m.group(1));
        }
        m = FUNCTION.matcher(expression);
        if (m.matches()) {
            return switch (SessionStatements.lower(m.group(1))) {
                case "database", "schema" -> session.database();
                case "version" -> variables.value("version");
                case "user", "current_user", "session_user", "system_user" -> session.user() + "@%";
                case "connection_id" -> "0";
                case "last_insert_id" -> Long.toString(session.lastInsertId());
                case "found_rows", "row_count" -> "0";
                default -> null;
            };
        }
        if (NUMBER.matcher(expression).matches()) {
            return expression;
        }
        m = LITERAL.matcher(expression);
        return m.matches() ? lexed.literal(m.group(1)) : null;
    }

    private static String displayName(String expression, QueryLexer.Lexed lexed) {
        Matcher m = LITERAL.matcher(expression);
        return m.matches() ? lexed.literal(m.group(1)) : expression;
    }

    private static String aliasName(String alias, QueryLexer.Lexed lexed) {
        Matcher m = LITERAL.matcher(alias);
        return m.matches() ? lexed.literal(m.group(1)) : Identifiers.unquote(alias);
    }

    private static QueryResult unsupported(String item) {
        return QueryResult.error(CometQlException.SYNTAX, "Syntax error in query: `" + item.strip()
                + "` — without FROM, CometQL selects only @@variables, DATABASE(), VERSION(), USER() and constants");
    }

    /** Splits at commas outside parentheses (literals are already placeholders). */
    private static List<String> splitTopLevel(String items) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < items.length(); i++) {
            char c = items.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(items.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(items.substring(start));
        return parts;
    }
}

package org.spectrumcomet.comet.cometql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.spectrumcomet.comet.mysql.QueryResult;

/**
 * The statements drivers and the {@code mysql} CLI send around the tables: {@code SET ...},
 * {@code SELECT @@x, DATABASE(), 1 ...} without FROM, {@code SHOW ...}, {@code DESCRIBE},
 * {@code USE}, {@code COMMIT}/{@code ROLLBACK}. Works on lexed text (literals are placeholders).
 */
final class SessionStatements {
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
    private static final Pattern SET = Pattern.compile("SET\\b.*", FLAGS);
    private static final Pattern NO_OPS = Pattern.compile("(COMMIT|ROLLBACK)(\\s+WORK)?", FLAGS);
    private static final Pattern TRANSACTION = Pattern.compile("(BEGIN|START\\s+TRANSACTION)\\b.*", FLAGS);
    private static final Pattern USE = Pattern.compile("USE\\s+(\\S+)", FLAGS);
    private static final Pattern SELECT_NO_FROM = Pattern.compile(
            "SELECT\\s+(?!.*\\bFROM\\s+(?!DUAL\\b))(.+?)(\\s+FROM\\s+DUAL)?(\\s+LIMIT\\s+\\d+)?", FLAGS);
    private static final Pattern SHOW = Pattern.compile("SHOW\\s+.*", FLAGS);
    private static final Pattern DESCRIBE = Pattern.compile(
            "(?:DESCRIBE|DESC|EXPLAIN)\\s+(\\S+)|SHOW\\s+(?:FULL\\s+)?(?:COLUMNS|FIELDS)\\s+(?:FROM|IN)\\s+(\\S+)"
                    + "(?:\\s+(?:FROM|IN)\\s+\\S+)?(?:\\s+LIKE\\s+'(\\d+)')?", FLAGS);

    private final CometQlSession session;
    private final ServerVariables variables;
    private final SelectWithoutTable selects;
    private final ShowStatements shows;

    SessionStatements(CometQlSession session, ServerVariables variables) {
        this.session = session;
        this.variables = variables;
        this.selects = new SelectWithoutTable(session, variables);
        this.shows = new ShowStatements(session, variables);
    }

    /** The answer when the text is one of these statements, empty when it is a table statement. */
    Optional<QueryResult> answer(QueryLexer.Lexed lexed) {
        String text = lexed.text();
        if (SET.matcher(text).matches() || NO_OPS.matcher(text).matches()) {
            return Optional.of(QueryResult.ok());
        }
        if (TRANSACTION.matcher(text).matches()) {
            return Optional.of(QueryResult.error(CometQlException.NOT_IMPLEMENTED,
                    "Transactions are not implemented in CometQL; every statement applies at once"));
        }
        Matcher m = USE.matcher(text);
        if (m.matches()) {
            return Optional.of(session.useDatabase(Identifiers.unquote(m.group(1))));
        }
        m = DESCRIBE.matcher(text);
        if (m.matches()) {
            String table = Identifiers.unquote(m.group(1) != null ? m.group(1) : m.group(2));
            String like = m.group(3) == null ? null : lexed.literal(m.group(3));
            return Optional.of(describe(CometTables.require(table), like));
        }
        m = SELECT_NO_FROM.matcher(text);
        if (m.matches()) {
            return Optional.of(selects.answer(m.group(1), lexed));
        }
        if (SHOW.matcher(text).matches()) {
            return Optional.of(shows.answer(text, lexed));
        }
        return Optional.empty();
    }

    private static QueryResult describe(CometTable table, String like) {
        List<List<String>> rows = new ArrayList<>();
        for (CometTable.ColumnSpec column : table.columnSpecs()) {
            if (LikePattern.matches(like, column.name())) {
                rows.add(List.of(column.name(), column.type(), "NO", column.name().equals(table.key()) ? "PRI" : "",
                        "", ""));
            }
        }
        return new QueryResult.Rows(List.of("Field", "Type", "Null", "Key", "Default", "Extra"), rows);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}

package org.spectrumcomet.comet.cometql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.spectrumcomet.comet.mysql.QueryResult;

/**
 * The {@code SHOW} statements clients use: DATABASES, TABLES, VARIABLES, STATUS, WARNINGS/ERRORS
 * (always empty), COLLATION, CHARACTER SET. Others are refused with ERR 2 naming them.
 */
final class ShowStatements {
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
    /** An optional {@code LIKE 'pattern'} or {@code WHERE ...} filter after a SHOW. */
    private static final String FILTER = "(?:\\s+LIKE\\s+'(\\d+)'|\\s+WHERE\\s+(.*))?";
    private static final Pattern DATABASES = Pattern.compile("SHOW\\s+(?:DATABASES|SCHEMAS)" + FILTER, FLAGS);
    private static final Pattern TABLES = Pattern.compile(
            "SHOW\\s+(FULL\\s+)?TABLES(?:\\s+(?:FROM|IN)\\s+\\S+)?" + FILTER, FLAGS);
    private static final Pattern VARIABLES = Pattern.compile(
            "SHOW\\s+(?:GLOBAL\\s+|SESSION\\s+|LOCAL\\s+)?VARIABLES" + FILTER, FLAGS);
    private static final Pattern STATUS = Pattern.compile(
            "SHOW\\s+(?:GLOBAL\\s+|SESSION\\s+|LOCAL\\s+)?STATUS" + FILTER, FLAGS);
    private static final Pattern WARNINGS = Pattern.compile("SHOW\\s+(?:WARNINGS|ERRORS)(?:\\s+LIMIT\\s+.*)?", FLAGS);
    private static final Pattern COLLATION = Pattern.compile("SHOW\\s+COLLATION" + FILTER, FLAGS);
    private static final Pattern CHARSET = Pattern.compile("SHOW\\s+(?:CHARACTER\\s+SET|CHARSET)" + FILTER, FLAGS);
    private static final Pattern QUOTED = Pattern.compile("'(\\d+)'");
    private static final long STARTED = System.currentTimeMillis();

    private final CometQlSession session;
    private final ServerVariables variables;

    ShowStatements(CometQlSession session, ServerVariables variables) {
        this.session = session;
        this.variables = variables;
    }

    QueryResult answer(String text, QueryLexer.Lexed lexed) {
        Matcher m;
        if ((m = DATABASES.matcher(text)).matches()) {
            return filtered(List.of("Database"), List.of(List.of(CometQlSession.DATABASE)), m, lexed);
        }
        if ((m = TABLES.matcher(text)).matches()) {
            boolean full = m.group(1) != null;
            List<List<String>> rows = new ArrayList<>();
            for (CometTable table : CometTables.all()) {
                rows.add(full ? List.of(table.name(), "BASE TABLE") : List.of(table.name()));
            }
            String column = "Tables_in_" + CometQlSession.DATABASE;
            return filtered(full ? List.of(column, "Table_type") : List.of(column), rows, m, lexed);
        }
        if ((m = VARIABLES.matcher(text)).matches()) {
            return filtered(List.of("Variable_name", "Value"), pairs(variables.all()), m, lexed);
        }
        if ((m = STATUS.matcher(text)).matches()) {
            Map<String, String> status = Map.of("id", session.tenant(),
                    "Uptime", Long.toString((System.currentTimeMillis() - STARTED) / 1000));
            return filtered(List.of("Variable_name", "Value"), pairs(new java.util.TreeMap<>(status)), m, lexed);
        }
        if (WARNINGS.matcher(text).matches()) {
            return new QueryResult.Rows(List.of("Level", "Code", "Message"), List.of());
        }
        if ((m = COLLATION.matcher(text)).matches()) {
            return filtered(List.of("Collation", "Charset", "Id", "Default", "Compiled", "Sortlen"), List.of(
                    List.of("utf8mb4_general_ci", "utf8mb4", "45", "Yes", "Yes", "1"),
                    List.of("utf8mb3_general_ci", "utf8mb3", "33", "Yes", "Yes", "1"),
                    List.of("latin1_swedish_ci", "latin1", "8", "Yes", "Yes", "1"),
                    List.of("binary", "binary", "63", "Yes", "Yes", "1")), m, lexed);
        }
        if ((m = CHARSET.matcher(text)).matches()) {
            return filtered(List.of("Charset", "Description", "Default collation", "Maxlen"), List.of(
                    List.of("utf8mb4", "UTF-8 Unicode", "utf8mb4_general_ci", "4"),
                    List.of("utf8mb3", "UTF-8 Unicode", "utf8mb3_general_ci", "3"),
                    List.of("latin1", "cp1252 West European", "latin1_swedish_ci", "1"),
                    List.of("binary", "Binary pseudo charset", "binary", "1")), m, lexed);
        }
        return QueryResult.error(CometQlException.NOT_IMPLEMENTED, "`" + text + "` is not implemented in CometQL");
    }


    private static List<List<String>> pairs(Map<String, String> values) {
        List<List<String>> rows = new ArrayList<>();
        values.forEach((name, value) -> rows.add(List.of(name, value)));
        return rows;
    }

    /**
     * Applies the filter to the first column: LIKE 'pattern', or WHERE — of which only the quoted
     * names are read (drivers send {@code WHERE Variable_name = 'a' OR Variable_name = 'b'}).
     */
    private static QueryResult filtered(List<String> columns, List<List<String>> rows, Matcher m,
                                        QueryLexer.Lexed lexed) {
        String like = group(m, -2) == null ? null : lexed.literal(group(m, -2));
        String where = group(m, -1);
        List<String> wanted = new ArrayList<>();
        if (where != null) {
            Matcher q = QUOTED.matcher(where);
            while (q.find()) {
                wanted.add(lexed.literal(q.group(1)));
            }
        }
        List<List<String>> kept = new ArrayList<>();
        for (List<String> row : rows) {
            String first = row.get(0);
            boolean keep = where != null
                    ? wanted.stream().anyMatch(w -> LikePattern.matches(w, first))
                    : LikePattern.matches(like, first);
            if (keep) {
                kept.add(row);
            }
        }
        return new QueryResult.Rows(columns, kept);
    }

    /** Group counted from the end: -1 is the WHERE text, -2 the LIKE placeholder. */
    private static String group(Matcher m, int fromEnd) {
        return m.group(m.groupCount() + 1 + fromEnd);
    }
}

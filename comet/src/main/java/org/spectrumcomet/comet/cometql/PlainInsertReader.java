package org.spectrumcomet.comet.cometql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the one statement applications send all the time — {@code INSERT INTO <table> (<columns>)
 * VALUES (<values>)} with quoted or unsigned-integer values — without JSqlParser, whose look-ahead
 * costs ~250 µs of CPU per statement (bench comet, JFR: &gt; 80 % of the CometQL listener's CPU).
 * Only a shape whose meaning is certain is read here, giving exactly what
 * {@link TableStatementParser} would give ({@code PlainInsertReaderTest} compares both); anything
 * else (other tables or columns, schema names, signs, NULL, several rows, a trailing {@code ;})
 * returns empty and goes through JSqlParser as before.
 */
final class PlainInsertReader {

    /** The CometQL tables one may INSERT into, and column names that are never SQL keywords. */
    private static final Set<String> TABLES = Set.of("pipes_messages", "users_messages", "users_auth", "pipes_settings");
    private static final Set<String> COLUMNS = Set.of("name", "event", "message", "id", "hash");

    private static final String NAME = "(?:`[A-Za-z0-9_]{1,64}`|[A-Za-z_][A-Za-z0-9_]{0,63})";
    private static final String VALUE = "(?:'[0-9]{1,3}'|[0-9]{1,18})";
    private static final Pattern INSERT = Pattern.compile("(?i)INSERT\\s+INTO\\s+(" + NAME + ")"
            + "(?:\\s*\\(\\s*(" + NAME + "(?:\\s*,\\s*" + NAME + "){0,19})\\s*\\)\\s*|\\s+)"
            + "VALUES\\s*\\(\\s*(" + VALUE + "(?:\\s*,\\s*" + VALUE + "){0,19})\\s*\\)");
    private static final Pattern COMMA = Pattern.compile("\\s*,\\s*");

    private PlainInsertReader() {
    }

    static Optional<TableStatement> read(QueryLexer.Lexed lexed) {
        String text = lexed.text();
        if (text.length() > 2048 || !text.regionMatches(true, 0, "INSERT", 0, 6)) {
            return Optional.empty();
        }
        Matcher m = INSERT.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        String table = Identifiers.unquote(m.group(1));
        if (!TABLES.contains(table) || m.group(1).startsWith("`")) {
            return Optional.empty();
        }
        List<String> columns = new ArrayList<>();
        if (m.group(2) != null) {
            for (String column : COMMA.split(m.group(2))) {
                if (!column.startsWith("`") && !COLUMNS.contains(column)) {
                    return Optional.empty();
                }
                columns.add(Identifiers.unquote(column));
            }
        }
        List<String> values = new ArrayList<>();
        for (String value : COMMA.split(m.group(3))) {
            values.add(value.startsWith("'") ? lexed.literal(value.substring(1, value.length() - 1)) : value);
        }
        return Optional.of(new TableStatement.Insert(table, columns, values));
    }
}

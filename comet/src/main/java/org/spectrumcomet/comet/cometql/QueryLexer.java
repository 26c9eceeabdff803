package org.spectrumcomet.comet.cometql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * First pass over a query's text, before any parser sees it:
 * <ul>
 *   <li>comments ({@code /* *}{@code /}, {@code -- }, {@code #}) become a space — MySQL Connector/J
 *       opens its queries with one;</li>
 *   <li>every string literal is cut out and replaced by the placeholder {@code 'N'} (its index).
 *       This is how literals reach the engine <b>byte for byte</b>, escape sequences not decoded
 *       (CppComet's behaviour, which clients rely on): the parser never interprets them, and quotes,
 *       backslashes, NUL or emoji cannot confuse it. {@code ''} inside a literal is kept as
 *       {@code \'}, as CppComet does;</li>
 *   <li>the bare word {@code index} (a column of {@code pipes_messages} and {@code users_messages})
 *       is wrapped in backticks, because JSqlParser reserves INDEX and would refuse it as a column.</li>
 * </ul>
 */
final class QueryLexer {
    private QueryLexer() {
    }

    /** The rewritten text and the raw literals its placeholders stand for. */
    record Lexed(String text, List<String> literals) {
        /** The raw text of the literal a placeholder {@code 'N'} stands for. */
        String literal(String placeholder) {
            return literals.get(Integer.parseInt(placeholder));
        }
    }

    static Lexed lex(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        List<String> literals = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                StringBuilder raw = new StringBuilder();
                i = readLiteral(sql, i, raw);
                out.append('\'').append(literals.size()).append('\'');
                literals.add(raw.toString());
            } else if (c == '`') {
                int end = sql.indexOf('`', i + 1);
                if (end < 0) {
                    throw new CometQlException(CometQlException.SYNTAX, "Syntax error in query: unterminated `identifier`");
                }
                out.append(sql, i, end + 1);
                i = end + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new CometQlException(CometQlException.SYNTAX, "Syntax error in query: unterminated /* comment");
                }
                out.append(' ');
                i = end + 2;
            } else if (c == '#' || (c == '-' && sql.startsWith("-- ", i)) || (c == '-' && sql.startsWith("--", i) && i + 2 == n)) {
                int end = sql.indexOf('\n', i);
                out.append(' ');
                i = end < 0 ? n : end + 1;
            } else if (isWordStart(c)) {
                int end = i;
                while (end < n && isWordPart(sql.charAt(end))) {
                    end++;
                }
                String word = sql.substring(i, end);
                if (word.toLowerCase(Locale.ROOT).equals("index")) {
                    out.append('`').append(word).append('`');
                } else {
                    out.append(word);
                }
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return new Lexed(out.toString().strip(), List.copyOf(literals));
    }

    /** Copies the literal starting at {@code start} (a quote) into {@code raw}; returns the index after it. */
    private static int readLiteral(String sql, int start, StringBuilder raw) {
        char quote = sql.charAt(start);
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\' && i + 1 < sql.length()) {
                raw.append(c).append(sql.charAt(i + 1));
                i += 2;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    raw.append('\\').append(quote);
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                raw.append(c);
                i++;
            }
        }
        throw new CometQlException(CometQlException.SYNTAX, "Syntax error in query: unterminated string literal");
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '@' || c == '$';
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '@' || c == '$';
    }
}

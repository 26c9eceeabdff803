package org.spectrumcomet.conformance.main;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command string into words the way Spectrum does before {@code execv}: popt's
 * shell-like rules (whitespace separates words, single or double quotes group, a backslash takes
 * the next character literally; inside quotes a backslash escapes the quote character and is
 * otherwise kept with the character after it). Like popt, empty words (e.g. {@code ""}) vanish.
 * No variables, globbing or PATH search: the first word must be a path.
 */
public final class PoptCommandLine {

    private PoptCommandLine() {
    }

    /**
     * @throws IllegalArgumentException for an unterminated quote or a trailing backslash, which
     *         popt rejects too
     */
    public static List<String> split(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (quote != 0 && c == quote) {
                quote = 0;
            } else if (quote != 0) {
                if (c == '\\') {
                    char next = escaped(command, ++i);
                    if (next != quote) {
                        word.append('\\');
                    }
                    c = next;
                }
                word.append(c);
            } else if (Character.isWhitespace(c)) {
                flush(words, word);
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else {
                word.append(c == '\\' ? escaped(command, ++i) : c);
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unterminated " + quote + " quote in command: " + command);
        }
        flush(words, word);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("empty backend command");
        }
        return words;
    }

    private static char escaped(String command, int i) {
        if (i >= command.length()) {
            throw new IllegalArgumentException("trailing backslash in command: " + command);
        }
        return command.charAt(i);
    }

    private static void flush(List<String> words, StringBuilder word) {
        if (word.length() > 0) {
            words.add(word.toString());
            word.setLength(0);
        }
    }
}

package org.spectrumcomet.conformance.main;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command string into words the way Spectrum does before {@code execv}: popt's
 * shell-like rules (whitespace separates words, single or double quotes group, a backslash takes
 * the next character literally; inside quotes a backslash only escapes the quote character).
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
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && i + 1 < command.length() && command.charAt(i + 1) == quote) {
                    word.append(command.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                inWord = true;
                if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '\\') {
                    if (i + 1 >= command.length()) {
                        throw new IllegalArgumentException("trailing backslash in command: " + command);
                    }
                    word.append(command.charAt(++i));
                } else {
                    word.append(c);
                }
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unterminated " + quote + " quote in command: " + command);
        }
        if (inWord) {
            words.add(word.toString());
        }
        if (words.isEmpty()) {
            throw new IllegalArgumentException("empty backend command");
        }
        return words;
    }
}

package org.spectrumcomet.comet.cometql;

import java.util.regex.Pattern;

/** SQL LIKE patterns ({@code %}, {@code _}, backslash escapes), case-insensitive as in MySQL. */
final class LikePattern {
    private LikePattern() {
    }

    static Pattern compile(String like) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            if (c == '\\' && i + 1 < like.length()) {
                regex.append(Pattern.quote(String.valueOf(like.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    }

    static boolean matches(String like, String value) {
        return like == null || compile(like).matcher(value).matches();
    }
}

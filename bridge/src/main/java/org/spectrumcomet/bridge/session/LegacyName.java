package org.spectrumcomet.bridge.session;

import java.util.regex.Pattern;

/**
 * The legacy name of a LOGIN is the comet user id: 1 to 9 decimal digits, not 0 (our comet server
 * allows at most 9 digits; CppComet stores ids as a signed 32-bit int, so 9 digits fit both).
 */
public final class LegacyName {

    private static final Pattern USER_ID = Pattern.compile("[1-9][0-9]{0,8}");

    private LegacyName() {
    }

    /** The comet user id, or {@link IllegalArgumentException} with a message for the user. */
    public static long userId(String legacyName) {
        String name = legacyName == null ? "" : legacyName.trim();
        if (!USER_ID.matcher(name).matches()) {
            throw new IllegalArgumentException("\"" + shorten(name) + "\" is not a comet user id: register with "
                    + "the user's comet id (a positive number of at most 9 digits) as user name");
        }
        return Long.parseLong(name);
    }

    /** The comet user id named by a buddy or nick, or -1 when it is not one. */
    public static long idOrNone(String name) {
        String n = name == null ? "" : name.trim();
        return USER_ID.matcher(n).matches() ? Long.parseLong(n) : -1;
    }

    private static String shorten(String s) {
        return s.length() > 64 ? s.substring(0, 64) + "…" : s;
    }
}

package org.spectrumcomet.bridge.comet;

import java.util.regex.Pattern;

/**
 * The identifier rules every comet server enforces (spec §I.3.3, Part III), checked on our side
 * so that a bad name fails here with a clear message instead of an opaque CometQL error code —
 * and so that a name can always be written inside quotes without escaping.
 */
public final class CometNames {

    /** Pipe names: 3..64 characters (CometQL); WebSocket subscriptions need fewer than 64. */
    public static final int PIPE_MIN = 3;
    public static final int PIPE_MAX = 64;
    public static final int EVENT_MAX = 64;
    /** CppComet stores user ids as a signed 32-bit int. */
    public static final long USER_ID_MAX = Integer.MAX_VALUE;
    /** users_auth hashes: at most 32 characters of {@code [0-9A-Za-z=+/_]}. */
    public static final int AUTH_HASH_MAX = 32;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern AUTH_HASH = Pattern.compile("[0-9A-Za-z=+/_]{1,32}");
    /** Hash or JWT; no '&', '%', '?', '#' or space, because the WebSocket URL is parsed positionally. */
    private static final Pattern SESSION_KEY = Pattern.compile("[A-Za-z0-9_.=+/-]{0,4096}");

    private CometNames() {
    }

    /** Returns {@code pipe} or throws {@link CometNameException} naming the rule it breaks. */
    public static String requirePipe(String pipe) {
        if (pipe == null || pipe.length() < PIPE_MIN || pipe.length() > PIPE_MAX) {
            throw new CometNameException("pipe name must be " + PIPE_MIN + ".." + PIPE_MAX
                    + " characters: " + shown(pipe));
        }
        if (!NAME.matcher(pipe).matches()) {
            throw new CometNameException("pipe name may contain only A-Za-z0-9_- : " + shown(pipe));
        }
        return pipe;
    }

    /** Returns {@code event} (1..64 characters of {@code [A-Za-z0-9_-]}) or throws. */
    public static String requireEvent(String event) {
        if (event == null || event.isEmpty() || event.length() > EVENT_MAX) {
            throw new CometNameException("event name must be 1.." + EVENT_MAX + " characters: " + shown(event));
        }
        if (!NAME.matcher(event).matches()) {
            throw new CometNameException("event name may contain only A-Za-z0-9_- : " + shown(event));
        }
        return event;
    }

    /** Returns {@code id} when it is a comet user id (1..2147483647) or throws. */
    public static long requireUserId(long id) {
        if (id < 1 || id > USER_ID_MAX) {
            throw new CometNameException("comet user id must be 1.." + USER_ID_MAX + ": " + id);
        }
        return id;
    }

    /** Parses a decimal comet user id (as found in a legacy name) or throws. */
    public static long parseUserId(String text) {
        if (text == null || !text.matches("[0-9]{1,10}")) {
            throw new CometNameException("comet user id must be decimal digits: " + shown(text));
        }
        return requireUserId(Long.parseLong(text));
    }

    /** Returns {@code hash} when it can be stored in users_auth, or throws. */
    public static String requireAuthHash(String hash) {
        if (hash == null || !AUTH_HASH.matcher(hash).matches()) {
            throw new CometNameException("user key must be 1.." + AUTH_HASH_MAX
                    + " characters of 0-9A-Za-z=+/_ : " + shown(hash));
        }
        return hash;
    }

    /** Returns {@code key} when it can travel in the WebSocket URL unchanged (hash or JWT), or throws. */
    public static String requireSessionKey(String key) {
        if (key == null || !SESSION_KEY.matcher(key).matches()) {
            throw new CometNameException("session key may contain only A-Za-z0-9_.=+/- (max 4096): "
                    + shown(key));
        }
        return key;
    }

    private static String shown(String s) {
        if (s == null) {
            return "null";
        }
        String cut = s.length() > 80 ? s.substring(0, 80) + "…" : s;
        return "'" + cut + "' (" + s.length() + " chars)";
    }
}

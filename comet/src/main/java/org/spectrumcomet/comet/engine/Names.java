package org.spectrumcomet.comet.engine;

import java.util.regex.Pattern;

/** The comet network's naming rules and limits (CometQL seed and CppComet). */
public final class Names {
    /** Pipe and event names: this alphabet only. */
    public static final Pattern NAME_ALPHABET = Pattern.compile("[A-Za-z0-9_-]*");
    public static final int MIN_PIPE_NAME = 3;
    public static final int MAX_PIPE_NAME = 64;
    public static final int MAX_EVENT_NAME = 64;
    /** User ids are positive and at most 9 digits. */
    public static final long MAX_USER_ID = 999_999_999L;
    /** users_auth keys: at most 32 characters of this alphabet. */
    public static final Pattern KEY_ALPHABET = Pattern.compile("[0-9A-Za-z=+/_]*");
    public static final int MAX_KEY_LENGTH = 32;
    /** pipes_settings length: 0..99; larger is refused, never clamped. */
    public static final int MAX_HISTORY_LENGTH = 99;
    /** A user's private messages reach at most this many connections. */
    public static final int MAX_DEVICES_PER_USER = 16;

    private Names() {
    }

    /** @throws IllegalArgumentException when {@code length} is outside 0..{@value #MAX_HISTORY_LENGTH} */
    public static void checkHistoryLength(int length) {
        if (length < 0 || length > MAX_HISTORY_LENGTH) {
            throw new IllegalArgumentException("history length must be 0.." + MAX_HISTORY_LENGTH + ", got " + length);
        }
    }
}

package org.spectrumcomet.bridge.metrics;

import java.util.Locale;
import org.spectrumcomet.bridge.comet.CometBody;

/**
 * The {@code kind} label of the bridge's message counters: a bounded set, derived from the body's
 * kind and where it travels (a user's private channel, a room's pipe, a status pipe).
 */
public enum MessageKind {
    /** A 1:1 text message (also to or from a room occupant in private). */
    CHAT,
    /** A text message in a room (pipe). */
    ROOM,
    /** A presence status published to the user's {@code user_status_<id>} pipe. */
    STATUS,
    /** Typing, paused or stopped. */
    TYPING,
    ATTENTION,
    RECEIPT,
    /** A room subject change. */
    SUBJECT,
    /** A body kind this version does not know. */
    OTHER;

    private static final String STATUS_PIPE = "user_status_";

    private final String label = name().toLowerCase(Locale.ROOT);

    /** The label value, e.g. {@code chat}. */
    public String label() {
        return label;
    }

    /** The kind of a body sent on a private channel (1:1). */
    public static MessageKind ofPrivate(CometBody.Kind kind) {
        return switch (kind) {
            case TEXT -> CHAT;
            case TYPING, PAUSED, STOPPED -> TYPING;
            case ATTENTION -> ATTENTION;
            case RECEIPT -> RECEIPT;
            case SUBJECT -> SUBJECT;
            case OTHER -> OTHER;
        };
    }

    /** The kind of a body published to {@code pipe}: a room's, or a user's status pipe. */
    public static MessageKind ofPipe(String pipe, CometBody.Kind kind) {
        if (pipe.startsWith(STATUS_PIPE)) {
            return STATUS;
        }
        return kind == CometBody.Kind.TEXT ? ROOM : ofPrivate(kind);
    }
}

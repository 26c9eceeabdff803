package org.spectrumcomet.bridge.comet;

import java.util.Objects;

/**
 * The JSON body that crosses comet between XMPP users (through the bridge) and web pages:
 * {@code {"from":"42","nick":"alice","text":"hi","id":"m1","ts":1732300000000}}, plus
 * {@code "kind"} for everything that is not a text message. See {@code bridge/COMET-BODY.md}.
 *
 * <p>Immutable. Absent fields are {@code null} ({@code ts} is 0 when absent); {@link #text()} is
 * never null. Encoded and decoded by {@link CometBodyCodec}.
 *
 * @param kind what the body means
 * @param from sender's comet user id as decimal text, or null when unknown (e.g. a web page)
 * @param nick sender's display name, or null
 * @param text message text, or the subject for {@link Kind#SUBJECT} ({@code ""} for other non-text kinds)
 * @param id   sender-chosen message id (for receipts and de-duplication), or null
 * @param ts   send time in epoch milliseconds, or 0
 * @param ref  for {@link Kind#RECEIPT}: the id of the message being acknowledged, else null
 */
public record CometBody(Kind kind, String from, String nick, String text, String id, long ts, String ref) {

    /** The {@code kind} field; {@link #TEXT} is written by omitting the field. */
    public enum Kind {
        TEXT("text", "message"),
        TYPING("typing", "typing"),
        PAUSED("paused", "typing"),
        STOPPED("stopped", "typing"),
        ATTENTION("attention", "attention"),
        RECEIPT("receipt", "receipt"),
        /** A room's new subject ({@code text}, possibly empty = no subject), set by {@code from}/{@code nick}. */
        SUBJECT("subject", "subject"),
        /** A kind this version does not know; kept so a newer sender is not misread as text. */
        OTHER("other", "other");

        private final String wire;
        private final String event;

        Kind(String wire, String event) {
            this.wire = wire;
            this.event = event;
        }

        /** The value of the {@code kind} field. */
        public String wire() {
            return wire;
        }

        /** The comet event name a body of this kind is published with by convention. */
        public String event() {
            return event;
        }

        /** The kind for a {@code kind} field value; absent means text, unknown means {@link #OTHER}. */
        public static Kind fromWire(String value) {
            if (value == null || value.isEmpty()) {
                return TEXT;
            }
            for (Kind k : values()) {
                if (k.wire.equals(value) && k != OTHER) {
                    return k;
                }
            }
            return OTHER;
        }
    }

    public CometBody {
        Objects.requireNonNull(kind, "kind");
        text = text == null ? "" : text;
    }

    /** A text message. */
    public static CometBody text(String from, String nick, String text, String id, long ts) {
        return new CometBody(Kind.TEXT, from, nick, Objects.requireNonNull(text, "text"), id, ts, null);
    }

    /** Plain text from a sender we know nothing about (a web page sending a bare string). */
    public static CometBody plain(String text) {
        return new CometBody(Kind.TEXT, null, null, text, null, 0, null);
    }

    /** A chat-state or attention notice ({@link Kind#TYPING}, {@link Kind#PAUSED}, ...). */
    public static CometBody notice(Kind kind, String from, String nick, long ts) {
        if (kind == Kind.TEXT || kind == Kind.RECEIPT || kind == Kind.SUBJECT) {
            throw new IllegalArgumentException("use text(...), receipt(...) or subject(...) for " + kind);
        }
        return new CometBody(kind, from, nick, "", null, ts, null);
    }

    /** A room subject change ({@code text} = the new subject, {@code ""} clears it). */
    public static CometBody subject(String from, String nick, String text, long ts) {
        return new CometBody(Kind.SUBJECT, from, nick, Objects.requireNonNull(text, "text"), null, ts, null);
    }

    /** A delivery receipt for message {@code ref}. */
    public static CometBody receipt(String from, String ref, long ts) {
        return new CometBody(Kind.RECEIPT, from, null, "", null, ts, Objects.requireNonNull(ref, "ref"));
    }
}

package org.spectrumcomet.bridge.session;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.spectrumcomet.bridge.comet.CometBody;

/**
 * When a comet message was sent: the body's {@code ts} (epoch ms) when it has one, else comet's
 * {@code message_send_time}. Live messages get no timestamp (XMPP clients then show "now");
 * queued, replayed and older messages keep theirs, as libpurple does for messages over 10 s old.
 */
public final class MessageTime {

    /** Messages older than this get a delay stamp even when they arrived live. */
    public static final Duration LIVE = Duration.ofSeconds(10);

    private MessageTime() {
    }

    /** The send time, or null when neither the body nor comet said it (or it is out of Spectrum's range). */
    public static Instant sentAt(CometBody body, CometMessage message) {
        Instant t = null;
        if (body.ts() > 0) {
            t = Instant.ofEpochMilli(body.ts());
        } else if (message.sentAt() > 0) {
            t = Instant.ofEpochSecond(message.sentAt());
        }
        if (t == null) {
            return null;
        }
        int year = t.atZone(ZoneOffset.UTC).getYear();
        return year < 1400 || year > 9999 ? null : t;
    }

    /** The timestamp to put on the CONV_MESSAGE, or null for a live one. */
    public static Instant stamp(CometBody body, CometMessage message, Instant now) {
        Instant t = sentAt(body, message);
        if (t == null) {
            return null;
        }
        return message.fromQueue() || t.isBefore(now.minus(LIVE)) ? t : null;
    }
}

package org.spectrumcomet.bridge.comet;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * One CometQL statement, in the shapes both servers accept (spec §I.3.2): lower-case table and
 * column names, the key column pinned with {@code =} or {@code IN}, no comments, no {@code ;}.
 * Names are checked by {@link CometNames}, bodies written by {@link CometQlLiteral}; the size
 * is checked here so that a statement CppComet would refuse is never sent.
 *
 * @param text  the SQL text
 * @param bytes its UTF-8 length (always 4..{@value #MAX_BYTES})
 */
public record CometQlStatement(String text, int bytes) {

    /** CppComet refuses 9000 bytes and more ({@code ERR 11 "Data is too long"}). */
    public static final int MAX_BYTES = 8999;
    /** Ids per presence query: 500 ten-digit ids stay well under {@link #MAX_BYTES}. */
    public static final int MAX_IDS = 500;

    /** Checks the size; throws {@link CometQlException.TooLarge} when the server would refuse it. */
    public static CometQlStatement of(String text) {
        int bytes = utf8Length(text);
        if (bytes > MAX_BYTES) {
            throw new CometQlException.TooLarge("CometQL statement of " + bytes + " bytes refused before sending: "
                    + "comet servers accept less than 9000 (shorten the message body)");
        }
        if (bytes < 4) {
            throw new IllegalArgumentException("CometQL statement too short: " + text);
        }
        return new CometQlStatement(text, bytes);
    }

    /** {@code text.getBytes(UTF_8).length} without the copy (this runs for every message). */
    static int utf8Length(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes++; // a lone surrogate is encoded as '?'
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    public static CometQlStatement publish(String pipe, String event, String bodyLiteral) {
        return of("INSERT INTO pipes_messages (name, event, message) VALUES ("
                + CometQlLiteral.ofName(CometNames.requirePipe(pipe)) + ", "
                + CometQlLiteral.ofName(CometNames.requireEvent(event)) + ", " + bodyLiteral + ")");
    }

    public static CometQlStatement privateMessage(long userId, String event, String bodyLiteral) {
        return of("INSERT INTO users_messages (id, event, message) VALUES (" + CometNames.requireUserId(userId)
                + ", " + CometQlLiteral.ofName(CometNames.requireEvent(event)) + ", " + bodyLiteral + ")");
    }

    /** At most {@link #MAX_IDS} ids; the client splits longer lists. */
    public static CometQlStatement presence(Collection<Long> userIds) {
        if (userIds.isEmpty() || userIds.size() > MAX_IDS) {
            throw new IllegalArgumentException("presence query needs 1.." + MAX_IDS + " ids, got " + userIds.size());
        }
        return of("SELECT id, time FROM users_time WHERE id IN (" + userIds.stream()
                .map(id -> Long.toString(CometNames.requireUserId(id))).collect(Collectors.joining(", ")) + ")");
    }

    public static CometQlStatement history(String pipe) {
        return of("SELECT * FROM pipes_messages WHERE name = " + CometQlLiteral.ofName(CometNames.requirePipe(pipe)));
    }

    public static CometQlStatement subscribers(String pipe) {
        return of("SELECT * FROM users_in_pipes WHERE name = " + CometQlLiteral.ofName(CometNames.requirePipe(pipe)));
    }

    public static CometQlStatement subscriberCounts(Collection<String> pipes) {
        if (pipes.isEmpty()) {
            throw new IllegalArgumentException("subscriber count query needs at least one pipe");
        }
        return of("SELECT name, users FROM pipes WHERE name IN (" + pipes.stream()
                .map(p -> CometQlLiteral.ofName(CometNames.requirePipe(p))).collect(Collectors.joining(", ")) + ")");
    }

    public static CometQlStatement setUserKey(long userId, String hash) {
        return of("INSERT INTO users_auth (id, hash) VALUES (" + CometNames.requireUserId(userId) + ", "
                + CometQlLiteral.ofName(CometNames.requireAuthHash(hash)) + ")");
    }

    public static CometQlStatement userKey(long userId) {
        return of("SELECT id, hash FROM users_auth WHERE id = " + CometNames.requireUserId(userId));
    }

    public static CometQlStatement removeUserKey(long userId) {
        return of("DELETE FROM users_auth WHERE id = " + CometNames.requireUserId(userId));
    }

    /** History length 0..99 (the seed's range, which both servers keep). */
    public static CometQlStatement historyLength(String pipe, int length) {
        if (length < 0 || length > 99) {
            throw new IllegalArgumentException("pipe history length must be 0..99: " + length);
        }
        return of("INSERT INTO pipes_settings (name, length) VALUES ("
                + CometQlLiteral.ofName(CometNames.requirePipe(pipe)) + ", " + length + ")");
    }

    @Override
    public String toString() {
        return text.length() > 200 ? text.substring(0, 200) + "… (" + bytes + " bytes)" : text;
    }
}

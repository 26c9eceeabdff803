package org.spectrumcomet.bridge.rooms;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Room name (as in JOIN_ROOM) ⇄ comet pipe name, reversibly.
 *
 * <ul>
 *   <li>A room that already is a valid pipe name (3–64 of {@code [A-Za-z0-9_-]}) and does not start
 *       with {@value #ESCAPED} is its own pipe: {@code lobby} → {@code lobby}.</li>
 *   <li>Any other room becomes {@value #ESCAPED} followed by its UTF-8 bytes, where
 *       {@code [A-Za-z0-9_]} stay and every other byte is {@code -} plus two lower-case hex digits:
 *       {@code #chat} → {@code x---23chat}, {@code ab} → {@code x--ab}, {@code x--y} → {@code x--x-2d-2dy}.</li>
 *   <li>A room whose escaped form is longer than 64 characters, an empty room, and the names comet
 *       reserves ({@code msg}, {@code sys}, {@code _answer…}) are refused: the join is answered with
 *       ROOM_NOT_FOUND and the reason. Names are never silently altered.</li>
 * </ul>
 * Every escaped name starts with {@value #ESCAPED} and no plain one does, so the mapping is one-to-one.
 */
public final class RoomNames {

    /** The prefix of every escaped pipe name. */
    public static final String ESCAPED = "x--";

    private static final Pattern PIPE = Pattern.compile("[A-Za-z0-9_-]{3,64}");
    private static final int MAX = 64;

    private RoomNames() {
    }

    /** The pipe for {@code room}, or {@link IllegalArgumentException} with the reason for the user. */
    public static String toPipe(String room) {
        if (room == null || room.isEmpty()) {
            throw new IllegalArgumentException("an empty room name cannot be a comet pipe");
        }
        if (room.equals("msg") || room.equals("sys") || room.startsWith("_answer")) {
            throw new IllegalArgumentException("\"" + room + "\" is reserved by comet and cannot be joined");
        }
        if (PIPE.matcher(room).matches() && !room.startsWith(ESCAPED)) {
            return room;
        }
        StringBuilder pipe = new StringBuilder(ESCAPED);
        for (byte b : room.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '_')) {
                pipe.append(c);
            } else {
                pipe.append('-').append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            if (pipe.length() > MAX) {
                throw new IllegalArgumentException("room name \"" + shorten(room) + "\" is too long for a comet pipe "
                        + "(pipes have at most 64 characters of A-Za-z0-9_-, other characters take 3 each)");
            }
        }
        return pipe.toString();
    }

    /** The room for {@code pipe} (the inverse of {@link #toPipe}); a malformed escape is kept as is. */
    public static String toRoom(String pipe) {
        if (!pipe.startsWith(ESCAPED)) {
            return pipe;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String rest = pipe.substring(ESCAPED.length());
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '-') {
                if (i + 2 >= rest.length()) {
                    return pipe;
                }
                int hi = Character.digit(rest.charAt(i + 1), 16);
                int lo = Character.digit(rest.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return pipe;
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}

package org.spectrumcomet.bridge.comet;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Keeps the frames CppComet builds for the bridge's pipe messages out of its 123–125-byte bug
 * window ({@link DamagedFrameRepair}): a damaged pipe frame cannot be rebuilt when the socket is
 * subscribed to sibling pipes differing only in the last character ({@code room_1}, {@code room_2}).
 * The frame CppComet delivers for a CometQL insert is, measured on CppComet 4.09 (spec §I.4.5):
 * {@code {"data":"<literal text, JSON-escaped>","event":"<event>","message_send_time":<10 digits>,"pipe":"<pipe>"}}.
 * Private messages need no padding: their tail {@code "pipe":"msg"}} is always rebuilt.
 */
final class CometFramePadding {

    private static final int TIME_DIGITS = 10; // unix seconds until the year 2286

    private CometFramePadding() {
    }

    /**
     * {@code literal} (a quoted CometQL string holding JSON, from {@link CometQlLiteral}) with JSON
     * whitespace added when its pipe frame would otherwise be 123–125 bytes; unchanged otherwise.
     */
    static String padPipeLiteral(String pipe, String event, String literal) {
        String json = literal.substring(1, literal.length() - 1);
        int bytes = pipeFrameBytes(pipe, event, json);
        if (bytes < DamagedFrameRepair.FIRST_DAMAGED_LENGTH || bytes > DamagedFrameRepair.LAST_DAMAGED_LENGTH) {
            return literal;
        }
        String pad = " ".repeat(DamagedFrameRepair.LAST_DAMAGED_LENGTH + 1 - bytes);
        // Whitespace before an object's closing brace, or after any other JSON value, changes no value.
        String padded = json.endsWith("}") ? json.substring(0, json.length() - 1) + pad + "}" : json + pad;
        return "'" + padded + "'";
    }

    /** Bytes of the frame CppComet delivers for a CometQL insert of {@code json} into {@code pipe}. */
    static int pipeFrameBytes(String pipe, String event, String json) {
        String data = new String(JsonStringEncoder.getInstance().quoteAsString(json));
        String frame = "{\"data\":\"" + data + "\",\"event\":\"" + event + "\",\"message_send_time\":"
                + "0".repeat(TIME_DIGITS) + ",\"pipe\":\"" + pipe + "\"}";
        return frame.getBytes(StandardCharsets.UTF_8).length;
    }
}

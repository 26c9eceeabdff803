package org.spectrumcomet.bridge.comet;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.ToIntFunction;

/**
 * Keeps the frames CppComet builds for the bridge's pipe messages out of its 123–125-byte bug
 * window ({@link DamagedFrameRepair}): a damaged pipe frame cannot be rebuilt when the socket is
 * subscribed to sibling pipes differing only in the last character ({@code room_1}, {@code room_2}).
 * The frame CppComet delivers for a CometQL insert is, measured on CppComet 4.09 (spec §I.4.5):
 * {@code {"data":"<literal text, JSON-escaped>","event":"<event>","message_send_time":<10 digits>,"pipe":"<pipe>"}}.
 * Private messages are padded too: the bridge can rebuild their {@code "pipe":"msg"}} tail, but
 * a web page's client cannot. CppComet delivers them live as
 * {@code {"data":"…","event":"<event>","pipe":"msg"}} and, when queued, as
 * {@code {"data":"…","event":"<event>","fromQueue":true,"message_send_time":<10 digits>,"pipe":"msg"}};
 * neither may fall in the window.
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
        return padOutOfWindow(literal, json -> pipeFrameBytes(pipe, event, json));
    }

    /** Like {@link #padPipeLiteral} for a private message, in both the live and the queued frame. */
    static String padPrivateLiteral(String event, String literal) {
        return padOutOfWindow(literal, json -> privateFrameBytes(event, json, false),
                json -> privateFrameBytes(event, json, true));
    }

    @SafeVarargs
    private static String padOutOfWindow(String literal, ToIntFunction<String>... frames) {
        String json = literal.substring(1, literal.length() - 1);
        String pad = "";
        // Each space moves every frame one byte; at most 3 get one out, and the frames differ by
        // far more than the window, so a frame pushed out never pushes another one in.
        while (inWindow(withPad(json, pad), frames)) {
            pad += " ";
        }
        return pad.isEmpty() ? literal : "'" + withPad(json, pad) + "'";
    }

    private static boolean inWindow(String json, ToIntFunction<String>[] frames) {
        for (ToIntFunction<String> frame : frames) {
            int bytes = frame.applyAsInt(json);
            if (bytes >= DamagedFrameRepair.FIRST_DAMAGED_LENGTH && bytes <= DamagedFrameRepair.LAST_DAMAGED_LENGTH) {
                return true;
            }
        }
        return false;
    }

    /** Whitespace before an object's closing brace, or after any other JSON value, changes no value. */
    private static String withPad(String json, String pad) {
        if (pad.isEmpty()) {
            return json;
        }
        return json.endsWith("}") ? json.substring(0, json.length() - 1) + pad + "}" : json + pad;
    }

    /** Bytes of the frame CppComet delivers for a CometQL insert of {@code json} into {@code pipe}. */
    static int pipeFrameBytes(String pipe, String event, String json) {
        String data = new String(JsonStringEncoder.getInstance().quoteAsString(json));
        String frame = "{\"data\":\"" + data + "\",\"event\":\"" + event + "\",\"message_send_time\":"
                + "0".repeat(TIME_DIGITS) + ",\"pipe\":\"" + pipe + "\"}";
        return frame.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Bytes of the frame CppComet delivers for a private message, live or from the queue. */
    static int privateFrameBytes(String event, String json, boolean queued) {
        String data = new String(JsonStringEncoder.getInstance().quoteAsString(json));
        String frame = "{\"data\":\"" + data + "\",\"event\":\"" + event + "\","
                + (queued ? "\"fromQueue\":true,\"message_send_time\":" + "0".repeat(TIME_DIGITS) + "," : "")
                + "\"pipe\":\"msg\"}";
        return frame.getBytes(StandardCharsets.UTF_8).length;
    }
}

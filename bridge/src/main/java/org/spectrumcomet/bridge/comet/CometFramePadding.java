package org.spectrumcomet.bridge.comet;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.function.IntUnaryOperator;

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
    // The frames with empty data, event and pipe, counted once.
    private static final int PIPE_FRAME = utf8("{\"data\":\"\",\"event\":\"\",\"message_send_time\":"
            + "0".repeat(TIME_DIGITS) + ",\"pipe\":\"\"}");
    private static final int LIVE_PRIVATE_FRAME = utf8("{\"data\":\"\",\"event\":\"\",\"pipe\":\"msg\"}");
    private static final int QUEUED_PRIVATE_FRAME = utf8("{\"data\":\"\",\"event\":\"\",\"fromQueue\":true,"
            + "\"message_send_time\":" + "0".repeat(TIME_DIGITS) + ",\"pipe\":\"msg\"}");

    private CometFramePadding() {
    }

    /**
     * {@code literal} (a quoted CometQL string holding JSON, from {@link CometQlLiteral}) with JSON
     * whitespace added when its pipe frame would otherwise be 123–125 bytes; unchanged otherwise.
     */
    static String padPipeLiteral(String pipe, String event, String literal) {
        int overhead = pipeFrameOverhead(pipe, event);
        return padOutOfWindow(literal, data -> data + overhead);
    }

    /** Like {@link #padPipeLiteral} for a private message, in both the live and the queued frame. */
    static String padPrivateLiteral(String event, String literal) {
        int live = privateFrameOverhead(event, false);
        int queued = privateFrameOverhead(event, true);
        return padOutOfWindow(literal, data -> data + live, data -> data + queued);
    }

    /**
     * @param frames each frame's bytes from the bytes of its escaped {@code data}; the data is
     *               escaped once per message (this runs for every message the bridge sends)
     */
    private static String padOutOfWindow(String literal, IntUnaryOperator... frames) {
        String json = literal.substring(1, literal.length() - 1);
        int data = quotedBytes(json);
        int pad = 0;
        // Each space (never escaped) moves every frame one byte; at most 3 get one out, and the
        // frames differ by far more than the window, so a frame pushed out never pushes another in.
        while (inWindow(data + pad, frames)) {
            pad++;
        }
        return pad == 0 ? literal : "'" + withPad(json, " ".repeat(pad)) + "'";
    }

    private static boolean inWindow(int data, IntUnaryOperator[] frames) {
        for (IntUnaryOperator frame : frames) {
            int bytes = frame.applyAsInt(data);
            if (bytes >= DamagedFrameRepair.FIRST_DAMAGED_LENGTH && bytes <= DamagedFrameRepair.LAST_DAMAGED_LENGTH) {
                return true;
            }
        }
        return false;
    }

    /** Whitespace before an object's closing brace, or after any other JSON value, changes no value. */
    private static String withPad(String json, String pad) {
        return json.endsWith("}") ? json.substring(0, json.length() - 1) + pad + "}" : json + pad;
    }

    /** UTF-8 bytes of {@code json} as CppComet escapes it into a frame's {@code "data"} string. */
    private static int quotedBytes(String json) {
        return JsonStringEncoder.getInstance().quoteAsUTF8(json).length;
    }

    /** Bytes of the frame CppComet delivers for a CometQL insert of {@code json} into {@code pipe}. */
    static int pipeFrameBytes(String pipe, String event, String json) {
        return quotedBytes(json) + pipeFrameOverhead(pipe, event);
    }

    /** Bytes of the frame CppComet delivers for a private message, live or from the queue. */
    static int privateFrameBytes(String event, String json, boolean queued) {
        return quotedBytes(json) + privateFrameOverhead(event, queued);
    }

    /** The pipe frame's bytes around its data ({@code pipe} and {@code event}: ASCII names). */
    private static int pipeFrameOverhead(String pipe, String event) {
        return PIPE_FRAME + utf8(pipe) + utf8(event);
    }

    /** The private frame's bytes around its data, live or from the queue ({@code event}: an ASCII name). */
    private static int privateFrameOverhead(String event, boolean queued) {
        return (queued ? QUEUED_PRIVATE_FRAME : LIVE_PRIVATE_FRAME) + utf8(event);
    }

    private static int utf8(String s) {
        return CometQlStatement.utf8Length(s);
    }
}

package org.spectrumcomet.conformance.comet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One frame a web user received (CppComet WebSocket protocol, spec §I.4.5).
 *
 * @param pipe {@code msg} for private messages, {@code sys} for notices, else the pipe
 * @param event the event name
 * @param data the data as text: the inserted text for messages, JSON text for objects
 * @param userId the sender's comet user id (0 when comet does not name one)
 * @param fromQueue whether it was queued (offline private message) or replayed
 * @param sentAt {@code message_send_time} in unix seconds, 0 when absent
 * @param raw the whole frame
 */
public record WebFrame(String pipe, String event, String data, long userId, boolean fromQueue, long sentAt, String raw) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Parses a frame; a frame that is not a JSON object becomes pipe {@code ?} with the text as data. */
    public static WebFrame parse(String text) {
        JsonNode n;
        try {
            n = JSON.readTree(text);
        } catch (Exception e) {
            return new WebFrame("?", "?", text, 0, false, 0, text);
        }
        if (n == null || !n.isObject()) {
            return new WebFrame("?", "?", text, 0, false, 0, text);
        }
        JsonNode data = n.path("data");
        return new WebFrame(n.path("pipe").asText(""), n.path("event").asText(""),
                data.isTextual() ? data.textValue() : data.toString(), n.path("user_id").asLong(0),
                n.path("fromQueue").asBoolean(false), n.path("message_send_time").asLong(0), text);
    }

    /** A top-level text field of a raw frame, or null (no such field, or not JSON). */
    static String field(String raw, String name) {
        try {
            JsonNode n = JSON.readTree(raw);
            return n != null && n.path(name).isTextual() ? n.path(name).textValue() : null;
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * Whether comet cut the frame short: CppComet 4.09 sends a frame whose JSON is 123–125 bytes long
     * with its last 1–3 bytes replaced by NUL (found by these tests, see CppCometDifferencesIT).
     */
    public boolean truncated() {
        return pipe.equals("?") && raw.endsWith("\0");
    }

    /** The data read in the comet body convention. */
    public WebBody body() {
        return WebBodyJson.decode(data);
    }

    public boolean isPrivate() {
        return pipe.equals("msg");
    }
}

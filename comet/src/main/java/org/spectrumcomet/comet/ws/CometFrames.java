package org.spectrumcomet.comet.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.spectrumcomet.comet.engine.CometEvent;

/**
 * Encodes the server → client JSON frames of the CppComet protocol (spec §I.4.5): one object per
 * frame, keys in CppComet's (alphabetical) order, {@code message_send_time}/{@code user_id} only
 * when known, {@code fromQueue} only when true. Text published through CometQL stays a JSON
 * string of the exact published characters.
 *
 * <p>Clients announcing a major version below 4 also get {@code event_name} and
 * {@code api_data}, and non-string {@code data} (except on {@code msg}) re-encoded as a string.
 */
public final class CometFrames {

    public static final String SYS = "sys";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final boolean legacy;

    /** @param major the client's announced major version */
    public CometFrames(int major) {
        this.legacy = major < 4;
    }

    /** True for clients below major version 4 (extra legacy fields). */
    boolean legacy() {
        return legacy;
    }

    /** A delivered event. */
    public String event(CometEvent event) {
        return encode(fields(event));
    }

    /** A history replay entry of {@code pipe_log}: adds {@code history:true} and the marker. */
    public String history(CometEvent event, String marker) {
        Map<String, Object> frame = fields(event);
        frame.put("history", true);
        frame.put("marker", marker);
        return encode(frame);
    }

    /** A command reply on an {@code _answer...} pipe with the command's marker (null for none). */
    public String answer(String pipe, String event, Object data, String marker) {
        Map<String, Object> frame = fields(new CometEvent(pipe, event, data, now(), -1, false));
        if (marker != null) {
            frame.put("marker", marker);
        }
        return encode(frame);
    }

    /** An error notice on pipe {@code sys}; {@code fatal} adds a top-level {@code error} code. */
    public String error(int code, String message, boolean fatal) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("code", Integer.toString(code));
        data.put("error", message);
        Map<String, Object> frame = fields(new CometEvent(SYS, "error", data, now(), -1, false));
        if (fatal) {
            // The reference client does not reconnect after a top-level error above 400.
            frame.put("error", Integer.toString(code));
        }
        return encode(frame);
    }

    /** The first frame of every connection (spec §I.4.3). */
    public String serverInfo(boolean authorized, String userKey, String server) {
        Map<String, Object> frame = fields(new CometEvent(SYS, "serverInfo", userKey, now(), -1, false));
        frame.put("authorized", authorized);
        frame.put("server", server);
        return encode(frame);
    }

    private Map<String, Object> fields(CometEvent event) {
        Map<String, Object> frame = new TreeMap<>();
        frame.put("pipe", event.pipe());
        frame.put("event", event.event());
        Object data = event.data();
        if (legacy) {
            frame.put("event_name", event.event());
            frame.put("api_data", "for major_version < 4");
            if (!(data instanceof String) && !"msg".equals(event.pipe())) {
                data = encode(data);
            }
        }
        frame.put("data", data);
        if (event.sendTime() >= 0) {
            frame.put("message_send_time", event.sendTime());
        }
        if (event.userId() >= 0) {
            frame.put("user_id", event.userId());
        }
        if (event.fromQueue()) {
            frame.put("fromQueue", true);
        }
        return frame;
    }

    static long now() {
        return System.currentTimeMillis() / 1000;
    }

    private static String encode(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data is not JSON-serialisable: " + e.getMessage(), e);
        }
    }
}

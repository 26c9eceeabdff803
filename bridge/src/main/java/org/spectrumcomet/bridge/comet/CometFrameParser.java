package org.spectrumcomet.bridge.comet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text of one server → client frame → {@link CometEvent}s. A frame normally holds one JSON object;
 * several whitespace-separated objects are accepted too (the reference client tolerates that).
 * Never throws: anything unexpected becomes {@link CometEvent.Unparsed}.
 */
public final class CometFrameParser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern USER_STATUS = Pattern.compile("user_status_([0-9]{1,10})");

    private CometFrameParser() {
    }

    public static List<CometEvent> parse(String text) {
        List<CometEvent> events = new ArrayList<>(1);
        if (!text.stripLeading().startsWith("{")) {
            // Also keeps Jackson from unwrapping a top-level array into separate values.
            events.add(new CometEvent.Unparsed(text, "not a JSON object"));
            return events;
        }
        try (MappingIterator<JsonNode> it = JSON.readerFor(JsonNode.class).readValues(text)) {
            while (it.hasNextValue()) {
                events.add(event(it.nextValue(), text));
            }
        } catch (JsonProcessingException | RuntimeException e) {
            events.add(new CometEvent.Unparsed(text, "not JSON: " + e.getMessage()));
        } catch (java.io.IOException e) {
            events.add(new CometEvent.Unparsed(text, e.toString()));
        }
        if (events.isEmpty()) {
            events.add(new CometEvent.Unparsed(text, "empty frame"));
        }
        return events;
    }

    static CometEvent event(JsonNode frame, String text) {
        if (!frame.isObject() || !frame.path("pipe").isTextual()) {
            return new CometEvent.Unparsed(text, "no pipe field");
        }
        String pipe = frame.get("pipe").textValue();
        String event = frame.path("event").asText("");
        JsonNode data = frame.path("data");
        boolean fromQueue = frame.path("fromQueue").asBoolean(false);
        long sentAt = frame.path("message_send_time").asLong(0);
        if (pipe.equals("sys")) {
            if (event.equals("serverInfo")) {
                return new CometEvent.ServerInfo(frame.path("authorized").asBoolean(false),
                        frame.path("server").asText(""), data.asText(""));
            }
            if (event.equals("error") || frame.has("error")) {
                String code = data.path("code").asText(data.path("error_code").asText(frame.path("error").asText("")));
                return new CometEvent.ServerError(code, data.path("error").asText(data.asText(text)));
            }
        }
        if (pipe.equals("msg")) {
            return new CometEvent.PrivateMessage(event, raw(data), sentAt, fromQueue);
        }
        if (pipe.startsWith("user_status_")) {
            Matcher status = USER_STATUS.matcher(pipe);
            if (status.matches() && (event.equals("online") || event.equals("offline"))) {
                return new CometEvent.Presence(Long.parseLong(status.group(1)), event.equals("online"));
            }
        }
        if (pipe.startsWith("track_") && (event.equals("subscription") || event.equals("unsubscription"))
                && data.isObject()) {
            return new CometEvent.TrackChange(pipe, event.equals("subscription"), data.path("user_id").asLong(0),
                    data.path("uuid").asText(""));
        }
        if (pipe.startsWith("_answer")) {
            return new CometEvent.Answer(pipe, event, data, frame.path("marker").asText(""));
        }
        return new CometEvent.PipeMessage(pipe, event, raw(data), frame.path("user_id").asLong(0),
                sentAt, fromQueue);
    }

    /** {@code data} from CometQL is a JSON string holding the inserted text; from elsewhere it may be JSON. */
    private static String raw(JsonNode data) {
        if (data.isMissingNode() || data.isNull()) {
            return "";
        }
        return data.isTextual() ? data.textValue() : data.toString();
    }
}

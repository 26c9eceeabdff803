package org.spectrumcomet.comet.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.spectrumcomet.comet.engine.CometEvent;

/**
 * The frames of the JSON comet API WebSocket (spec Part IV): every frame is a JSON object with
 * {@code t} (0 HB, 1 AUTH, 2 JOIN, 3 PUSH) and one object named after it.
 *
 * <pre>
 * uplink:   {"t":0,"hb":{}}
 *           {"t":1,"auth":{"token":"&lt;JWT or key&gt;","uid":7,"tenant":"0"},"join":{"rid":"room"}}
 *           {"t":2,"join":{"rid":"room"}}            ("" leaves every room)
 * downlink: {"t":0,"hb":{}}
 *           {"t":1,"auth":{"uid":7}}                 (AUTH accepted; our addition)
 *           {"t":2,"join":{"rid":"room"}}            (JOIN done; our addition)
 *           {"t":3,"push":{"evt":...,"rid":"room"}}  (rid "" = world; no rid on private messages)
 * </pre>
 *
 * A PUSH carries {@code evt} as published through this API (the JSON value given to Publish or
 * Broadcast, which travel through the engine as event {@code push} with the JSON text); anything
 * else (a CometQL insert, presence) carries the text or structure as {@code evt} plus its
 * {@code event} label.
 */
public final class PushFrames {

    public static final int HB = 0;
    public static final int AUTH = 1;
    public static final int JOIN = 2;
    public static final int PUSH = 3;
    /** The engine event name this API publishes under. */
    public static final String PUSH_EVENT = "push";

    static final ObjectMapper JSON = new ObjectMapper();

    private PushFrames() {
    }

    /** Parses an uplink frame; throws with a reason when it is not a JSON object with a numeric t. */
    public static JsonNode parse(String text) throws JsonProcessingException {
        JsonNode node = JSON.readTree(text);
        if (node == null || !node.isObject() || !node.path("t").isInt()) {
            throw new JsonProcessingException("a frame must be a JSON object with a numeric \"t\"") { };
        }
        return node;
    }

    public static String heartbeat() {
        ObjectNode frame = JSON.createObjectNode().put("t", HB);
        frame.putObject("hb");
        return frame.toString();
    }

    public static String authAccepted(long uid) {
        ObjectNode frame = JSON.createObjectNode().put("t", AUTH);
        frame.putObject("auth").put("uid", uid);
        return frame.toString();
    }

    public static String joined(String rid) {
        ObjectNode frame = JSON.createObjectNode().put("t", JOIN);
        frame.putObject("join").put("rid", rid);
        return frame.toString();
    }

    /** A PUSH for an event the engine delivered. */
    public static String push(CometEvent event, String worldPipe) {
        ObjectNode frame = JSON.createObjectNode().put("t", PUSH);
        ObjectNode push = frame.putObject("push");
        push.set("evt", evt(event));
        if (!PUSH_EVENT.equals(event.event())) {
            push.put("event", event.event());
        }
        if (worldPipe.equals(event.pipe())) {
            push.put("rid", "");
        } else if (!"msg".equals(event.pipe())) {
            push.put("rid", event.pipe());
        }
        if (event.userId() > 0) {
            push.put("uid", event.userId());
        }
        return frame.toString();
    }

    private static JsonNode evt(CometEvent event) {
        if (event.data() instanceof String text) {
            if (PUSH_EVENT.equals(event.event())) {
                try {
                    return JSON.readTree(text);
                } catch (JsonProcessingException e) {
                    // published by someone else under our event name: keep it as text
                }
            }
            return JSON.getNodeFactory().textNode(text);
        }
        return JSON.valueToTree(event.data());
    }
}

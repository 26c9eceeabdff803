package org.spectrumcomet.comet.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.spectrumcomet.comet.engine.CometEngine;
import org.spectrumcomet.comet.engine.Names;
import org.spectrumcomet.comet.metrics.CometMetrics;
import org.spectrumcomet.comet.metrics.Inbound;

/**
 * What the JSON API's calls do, once the caller is known to hold the tenant key:
 * <ul>
 *   <li>Publish {@code {"uid":7,"evt":...}} → a private message to the user (event {@code push},
 *       text = the JSON of {@code evt}; queued while the user is offline, like CometQL's; refused
 *       with 503 when that queue is full);</li>
 *   <li>Broadcast {@code {"rid":"room","evt":...}} → a publish on pipe {@code room}, or on the
 *       reserved world pipe when {@code rid} is empty or absent;</li>
 *   <li>DumpSession → the tenant's JSON-API connections and rooms.</li>
 * </ul>
 */
final class CometApiCalls {

    static final Set<String> NAMES = Set.of("Publish", "Broadcast", "DumpSession");

    private final CometEngine engine;
    private final World world;
    private final CometMetrics metrics;

    CometApiCalls(CometEngine engine, World world, CometMetrics metrics) {
        this.engine = engine;
        this.world = world;
        this.metrics = metrics;
    }

    /** Runs a call; returns the JSON answer, or "" for an empty 200. */
    String run(String call, String tenant, JsonNode body) throws BadRequest {
        switch (call) {
            case "Publish" -> publish(tenant, object(body));
            case "Broadcast" -> broadcast(tenant, object(body));
            case "DumpSession" -> {
                return dump(tenant);
            }
            default -> throw new BadRequest("no such call: " + call);
        }
        return "";
    }

    private void publish(String tenant, JsonNode body) throws BadRequest {
        JsonNode uid = body.path("uid");
        if (!uid.canConvertToLong() || !uid.isIntegralNumber() || uid.asLong() <= 0 || uid.asLong() > Names.MAX_USER_ID) {
            throw new BadRequest("\"uid\" must be a user id, 1.." + Names.MAX_USER_ID);
        }
        if (engine.sendToUser(tenant, uid.asLong(), PushFrames.PUSH_EVENT, evt(body)).refused()) {
            throw new QueueFull("user " + uid.asLong() + " is offline and its queue of undelivered messages is full");
        }
        metrics.received(Inbound.JSON_PUBLISH);
    }

    private void broadcast(String tenant, JsonNode body) throws BadRequest {
        String rid = body.path("rid").asText("");
        if (!rid.isEmpty() && (rid.length() < Names.MIN_PIPE_NAME || rid.length() > Names.MAX_PIPE_NAME
                || !Names.NAME_ALPHABET.matcher(rid).matches())) {
            throw new BadRequest("\"rid\" must be empty or a pipe name: 3..64 characters of A-Za-z0-9_-");
        }
        engine.publish(tenant, rid.isEmpty() ? World.PIPE : rid, PushFrames.PUSH_EVENT, evt(body), 0, null);
        metrics.received(Inbound.JSON_BROADCAST);
    }

    private String dump(String tenant) {
        ObjectNode answer = HttpReplies.JSON.createObjectNode();
        ArrayNode everyone = answer.putArray("world");
        Map<String, ArrayNode> rooms = new TreeMap<>();
        ArrayNode roomList = HttpReplies.JSON.createArrayNode();
        for (SubscribeConnection c : world.of(tenant)) {
            everyone.addObject().put("uid", c.uid()).put("rid", c.rid()).put("birth", c.birth());
            if (!c.rid().isEmpty()) {
                rooms.computeIfAbsent(c.rid(), r -> {
                    ObjectNode room = roomList.addObject().put("rid", r);
                    return room.putArray("room");
                }).add(c.uid());
            }
        }
        answer.set("rooms", roomList);
        return answer.toString();
    }

    private static JsonNode object(JsonNode body) throws BadRequest {
        if (!body.isObject()) {
            throw new BadRequest("body must be a JSON object");
        }
        return body;
    }

    private static String evt(JsonNode body) throws BadRequest {
        if (!body.has("evt")) {
            throw new BadRequest("\"evt\" is required");
        }
        return body.get("evt").toString();
    }

    /** A call with missing or invalid fields (HTTP 400). */
    static class BadRequest extends Exception {
        BadRequest(String message) {
            super(message, null, false, false);
        }
    }

    /** Publish to an offline user whose queue is full: nothing was stored (answered 503). */
    static final class QueueFull extends BadRequest {
        QueueFull(String message) {
            super(message);
        }
    }
}

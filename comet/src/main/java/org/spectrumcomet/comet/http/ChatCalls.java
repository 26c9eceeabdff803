package org.spectrumcomet.comet.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.spectrumcomet.comet.engine.CometEngine;
import org.spectrumcomet.comet.engine.Names;
import org.spectrumcomet.comet.engine.PipeMessage;
import org.spectrumcomet.comet.engine.PrivateReceipt;
import org.spectrumcomet.comet.engine.PublishReceipt;
import org.spectrumcomet.comet.engine.SubscriberInfo;
import org.spectrumcomet.comet.metrics.CometMetrics;
import org.spectrumcomet.comet.metrics.Inbound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the chat page's site calls do for a signed-in user — the part a CppComet site's own server
 * would do over CometQL. Every call goes through the {@link CometEngine} seam only, so it works the
 * same on the embedded and the Redis engine:
 * <ul>
 *   <li>{@code whoami} → {@code {"user":7}}: the key (or JWT) proves this user;</li>
 *   <li>{@code send} {@code {"to":42|"pipe":"room","event":"message","body":{...}}} → like
 *       {@code INSERT INTO users_messages} / {@code pipes_messages}, with {@code body.from} forced to
 *       the caller (no spoofing) and {@code ts} set to the server's time when missing or not a
 *       time a page can show. Chat states and receipts
 *       ({@link #EPHEMERAL}) to an offline user are dropped, never queued (answer
 *       {@code "dropped":"offline"});</li>
 *   <li>{@code room} {@code {"pipe":"room"}} → members (authorised subscribers) and the kept history
 *       with times; a pipe with no history setting gets {@value #ROOM_HISTORY} so that rooms used
 *       from the page keep their recent messages. Bound: this server gives at most
 *       {@value #MAX_ROOMS_SET_UP} pipes a setting that way (pages signing into rooms of made-up names
 *       must not grow the store without end); beyond, a new room keeps no history unless the site
 *       sets {@code pipes_settings} itself, and a warning is logged once. At most {@value #MAX_MEMBERS}
 *       members are listed, {@code members_total} says how many there are;</li>
 *   <li>{@code presence} {@code {"users":[7,8]}} → {@code {"7":0,"8":1732300000}} as {@code users_time}.</li>
 * </ul>
 */
final class ChatCalls {

    static final Set<String> NAMES = Set.of("whoami", "send", "room", "presence");
    /** Largest message body accepted, as JSON bytes after {@code from} is set (the bridge's default bound). */
    static final int MAX_BODY_BYTES = 8800;
    static final int ROOM_HISTORY = 50;
    /** The largest time a JavaScript {@code Date} holds (ms since 1970). */
    static final long MAX_SEND_TIME = 8_640_000_000_000_000L;
    static final int MAX_ROOMS_SET_UP = 10_000;
    static final int MAX_PRESENCE_USERS = 100;
    /** Members listed at most by {@code room} (each open page asks every few seconds); {@code members_total} counts all. */
    static final int MAX_MEMBERS = 500;
    static final Set<String> EPHEMERAL = Set.of("typing", "paused", "stopped", "receipt");
    private static final Logger LOG = LoggerFactory.getLogger(ChatCalls.class);

    private final CometEngine engine;
    private final CometMetrics metrics;
    private final int maxRoomsSetUp;
    private final AtomicInteger roomsSetUp = new AtomicInteger();

    ChatCalls(CometEngine engine, CometMetrics metrics) {
        this(engine, metrics, MAX_ROOMS_SET_UP);
    }

    ChatCalls(CometEngine engine, int maxRoomsSetUp) {
        this(engine, CometMetrics.unscraped(), maxRoomsSetUp);
    }

    ChatCalls(CometEngine engine, CometMetrics metrics, int maxRoomsSetUp) {
        this.engine = engine;
        this.metrics = metrics;
        this.maxRoomsSetUp = maxRoomsSetUp;
    }

    /** The signed-in user a call runs for. */
    record Caller(String tenant, long userId) {
    }

    String run(String call, Caller caller, JsonNode body) throws CometApiCalls.BadRequest {
        return switch (call) {
            case "whoami" -> HttpReplies.JSON.createObjectNode().put("user", caller.userId()).toString();
            case "send" -> send(caller, object(body)).toString();
            case "room" -> room(caller, ChatNames.pipe(object(body).path("pipe"))).toString();
            case "presence" -> presence(caller, object(body).path("users")).toString();
            default -> throw new CometApiCalls.BadRequest("no such call: " + call);
        };
    }

    private ObjectNode send(Caller caller, JsonNode request) throws CometApiCalls.BadRequest {
        String event = ChatNames.event(request.path("event"));
        if (!request.path("body").isObject()) {
            throw new CometApiCalls.BadRequest("\"body\" must be a JSON object (bridge/COMET-BODY.md)");
        }
        ObjectNode body = ((ObjectNode) request.get("body")).deepCopy();
        body.put("from", Long.toString(caller.userId()));
        if (!isSendTime(body.path("ts"))) {
            body.put("ts", System.currentTimeMillis());
        }
        String text = body.toString();
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BODY_BYTES) {
            throw new TooLarge("message body is " + bytes + " bytes, at most " + MAX_BODY_BYTES);
        }
        ObjectNode answer = HttpReplies.JSON.createObjectNode();
        if (request.has("pipe")) {
            String pipe = ChatNames.pipe(request.get("pipe"));
            PublishReceipt receipt = engine.publish(caller.tenant(), pipe, event, text, caller.userId(), null);
            metrics.received(Inbound.CHAT_PAGE_PIPES_MESSAGES);
            LOG.debug("tenant {} user {}: chat page published '{}' on pipe {} to {} connections", caller.tenant(),
                    caller.userId(), event, pipe, receipt.delivered());
            return answer.put("delivered", receipt.delivered()).put("id", receipt.messageId());
        }
        long to = ChatNames.user(request.path("to"), "\"to\"");
        if (EPHEMERAL.contains(event) && engine.lastOnline(caller.tenant(), to) != 0) {
            return answer.put("delivered", 0).put("queued", false).put("dropped", "offline");
        }
        PrivateReceipt receipt = engine.sendToUser(caller.tenant(), to, event, text);
        if (receipt.refused()) {
            throw new CometApiCalls.QueueFull("user " + to + " is offline and its queue of undelivered messages is full");
        }
        metrics.received(Inbound.CHAT_PAGE_USERS_MESSAGES);
        LOG.debug("tenant {} user {}: chat page sent '{}' to user {}: {} connections{}", caller.tenant(),
                caller.userId(), event, to, receipt.delivered(), receipt.queued() ? ", queued" : "");
        return answer.put("delivered", receipt.delivered()).put("queued", receipt.queued());
    }

    private ObjectNode room(Caller caller, String pipe) {
        if (engine.historyLength(caller.tenant(), pipe).isEmpty()) {
            int done = roomsSetUp.incrementAndGet();
            if (done <= maxRoomsSetUp) {
                engine.setHistoryLength(caller.tenant(), pipe, ROOM_HISTORY);
            } else if (done == maxRoomsSetUp + 1) {
                LOG.warn("tenant {} user {}: chat page rooms now keep no history unless pipes_settings says so"
                        + " ({} pipes already got one from the page; pipe {})", caller.tenant(), caller.userId(),
                        maxRoomsSetUp, pipe);
            }
        }
        ObjectNode answer = HttpReplies.JSON.createObjectNode().put("pipe", pipe);
        Set<Long> members = new LinkedHashSet<>();
        for (SubscriberInfo s : engine.subscribers(caller.tenant(), pipe)) {
            if (s.userId() > 0) {
                members.add(s.userId());
            }
        }
        ArrayNode list = answer.putArray("members");
        members.stream().limit(MAX_MEMBERS).forEach(list::add);
        answer.put("members_total", members.size());
        ArrayNode history = answer.putArray("history");
        for (PipeMessage m : engine.history(caller.tenant(), pipe, ROOM_HISTORY)) {
            history.addObject().put("id", m.id()).put("time", m.time()).put("event", m.event())
                    .put("data", m.text()).put("user", m.userId());
        }
        return answer;
    }

    private ObjectNode presence(Caller caller, JsonNode users) throws CometApiCalls.BadRequest {
        if (!users.isArray() || users.size() > MAX_PRESENCE_USERS) {
            throw new CometApiCalls.BadRequest("\"users\" must be an array of at most " + MAX_PRESENCE_USERS + " user ids");
        }
        ObjectNode answer = HttpReplies.JSON.createObjectNode();
        for (JsonNode u : users) {
            long id = ChatNames.user(u, "each of \"users\"");
            answer.put(Long.toString(id), engine.lastOnline(caller.tenant(), id));
        }
        return answer;
    }

    /**
     * Epoch milliseconds a page can show: a whole number in 1..{@value #MAX_SEND_TIME}. Anything else
     * (1e400 becomes the string "Infinity", 1e300 makes {@code new Date(ts)} throw in the
     * recipient's page) is replaced by the server's time, as a missing {@code ts} is.
     */
    private static boolean isSendTime(JsonNode ts) {
        return ts.isIntegralNumber() && ts.canConvertToLong() && ts.asLong() > 0 && ts.asLong() <= MAX_SEND_TIME;
    }

    private static JsonNode object(JsonNode body) throws CometApiCalls.BadRequest {
        if (!body.isObject()) {
            throw new CometApiCalls.BadRequest("body must be a JSON object");
        }
        return body;
    }

    /** A message body above {@link #MAX_BODY_BYTES} (HTTP 413). */
    static final class TooLarge extends CometApiCalls.BadRequest {
        TooLarge(String message) {
            super(message);
        }
    }
}

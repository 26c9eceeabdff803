package org.spectrumcomet.comet.engine.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.ScriptOutputType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.spectrumcomet.comet.engine.CometEvent;
import org.spectrumcomet.comet.engine.Names;
import org.spectrumcomet.comet.engine.PrivateReceipt;
import org.spectrumcomet.comet.engine.QueuedMessage;

/**
 * Private messages across nodes: published on the user's channel, naming the user's oldest 16 live
 * connections on any node ({@link UserDevices}), when a live node holds the user; otherwise queued
 * in a Redis list.
 *
 * <p>Exactly once: "is any node holding the user → publish, else queue" is one Lua script, and a
 * node subscribes to the user's channel <em>before</em> it joins the user's node set and then
 * drains the queue. So a message either finds the node subscribed (and is published to it) or
 * finds it absent (and is queued, then drained by that node): never both, never neither. Draining
 * pops one entry at a time (LPOP is atomic, so two nodes never both get one) and pushes an entry
 * back to the front if the connection refused it.
 */
final class PrivateDelivery {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String PRIVATE_PIPE = "msg";

    /**
     * KEYS online, queue, user channel, devices; ARGV node prefix, envelope, entry, max queued,
     * max devices → connections chosen, queued flag. The chosen connections (the user's oldest
     * live ones, network-wide) follow the envelope after a newline; with none, the message is queued.
     */
    static final String SEND = NetworkPresence.LIVE_FN + """
            if live(KEYS[1], ARGV[1], false) > 0 then
              local chosen = {}
              for _, device in ipairs(redis.call('ZRANGE', KEYS[4], 0, -1)) do
                local node = string.match(device, '^([^/]+)/')
                if redis.call('EXISTS', ARGV[1] .. node) == 0 then redis.call('ZREM', KEYS[4], device)
                elseif #chosen < tonumber(ARGV[5]) then table.insert(chosen, device) end
              end
              if #chosen > 0 and redis.call('PUBLISH', KEYS[3], ARGV[2] .. '\\n' .. table.concat(chosen, ',')) > 0 then
                return {#chosen, 0}
              end
            end
            if redis.call('LLEN', KEYS[2]) >= tonumber(ARGV[4]) then return {0, 0} end
            redis.call('RPUSH', KEYS[2], ARGV[3])
            return {0, 1}
            """;

    private final RedisLink redis;
    private final RedisKeys keys;
    private final String node;
    private final LongSupplier now;
    private final int maxQueued;
    private final PrivateResend resender;

    PrivateDelivery(RedisLink redis, RedisKeys keys, String node, LongSupplier now, int maxQueued) {
        this.redis = redis;
        this.keys = keys;
        this.node = node;
        this.now = now;
        this.maxQueued = maxQueued;
        this.resender = new PrivateResend(redis, keys, node, now, maxQueued);
    }

    /** Delivered counts the connections chosen (up to 16, on any node); they get it right after. */
    PrivateReceipt send(String tenant, long userId, String event, String text) {
        String envelope = EnvelopeCodec.encode(Envelope.frame(node, -1,
                new CometEvent(PRIVATE_PIPE, event, text, -1, -1, false)));
        QueuedMessage entry = new QueuedMessage(UUID.randomUUID().toString(), userId, event, text, now.getAsLong());
        List<Long> answer = redis.await(redis.<List<Long>>eval(SEND, ScriptOutputType.MULTI,
                new String[] {keys.online(tenant, userId), keys.queue(tenant, userId), keys.userChannel(tenant, userId),
                        keys.devices(tenant, userId)},
                keys.nodePrefix(), envelope, entry(entry), Integer.toString(maxQueued),
                Integer.toString(Names.MAX_DEVICES_PER_USER)), "private message to " + userId);
        return new PrivateReceipt(answer.get(0).intValue(), answer.get(1) == 1);
    }

    /** See {@link PrivateResend}: never dropped, handed to other live connections or queued. */
    void resend(String tenant, long userId, Envelope received) {
        resender.resend(tenant, userId, received);
    }

    /** Pops the oldest queued message, or null when none is left. */
    QueuedMessage pop(String tenant, long userId) {
        String item = redis.await(redis.commands().lpop(keys.queue(tenant, userId)), "queue of user " + userId);
        return item == null ? null : queued(item);
    }

    /** Puts a message the connection refused back at the front, keeping the queue's order. */
    void pushBack(String tenant, QueuedMessage message) {
        redis.await(redis.commands().lpush(keys.queue(tenant, message.userId()), entry(message)),
                "queue of user " + message.userId());
    }

    List<QueuedMessage> queue(String tenant, long userId) {
        List<String> items = redis.await(redis.commands().lrange(keys.queue(tenant, userId), 0, maxQueued - 1L),
                "queue of user " + userId);
        List<QueuedMessage> result = new ArrayList<>(items.size());
        items.forEach(item -> result.add(queued(item)));
        return result;
    }

    void clear(String tenant, long userId) {
        redis.await(redis.commands().del(keys.queue(tenant, userId)), "queue of user " + userId);
    }

    static CometEvent frameOf(QueuedMessage m) {
        return new CometEvent(PRIVATE_PIPE, m.event(), m.text(), m.time(), -1, true);
    }

    static String entry(QueuedMessage m) {
        return JSON.createObjectNode().put("id", m.id()).put("user", m.userId()).put("event", m.event())
                .put("text", m.text()).put("time", m.time()).toString();
    }

    private static QueuedMessage queued(String item) {
        try {
            JsonNode n = JSON.readTree(item);
            return new QueuedMessage(n.path("id").asText(), n.path("user").asLong(), n.path("event").asText(),
                    n.path("text").asText(), n.path("time").asLong());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("queue entry is not JSON: " + e.getOriginalMessage());
        }
    }
}

package org.spectrumcomet.comet.engine.redis;

import io.lettuce.core.ScriptOutputType;
import java.util.List;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectrumcomet.comet.engine.CometEvent;
import org.spectrumcomet.comet.engine.Names;
import org.spectrumcomet.comet.engine.QueuedMessage;

/**
 * A private message that reached a node after the connections chosen for it there left (or
 * refused it): decided again in Redis, so it is never dropped. If a connection chosen on another
 * live node is still listed, that one has it; otherwise it goes to the user's other live
 * connections, or to the queue ({@code max_queued_per_user}; a full queue loses it, logged as an error).
 */
final class PrivateResend {

    private static final Logger log = LoggerFactory.getLogger(PrivateResend.class);

    /**
     * KEYS as {@link PrivateDelivery#SEND}; ARGV node prefix, envelope, entry, max queued, max devices, chosen,
     * gone (comma-separated {@code <node>/<session>}) → connections chosen now, queued flag, held
     * flag. For a message none of whose chosen connections on one node took it: if a chosen
     * connection elsewhere is still live, it has the message (held); else it goes to the user's
     * other live connections, or to the queue.
     */
    private static final String RESEND = """
            local function set(csv) local s = {} for d in string.gmatch(csv, '[^,]+') do s[d] = true end return s end
            local chosen, gone = set(ARGV[6]), set(ARGV[7])
            for d, _ in pairs(chosen) do
              if not gone[d] and redis.call('ZSCORE', KEYS[4], d)
                  and redis.call('EXISTS', ARGV[1] .. string.match(d, '^([^/]+)/')) == 1 then
                return {0, 0, 1}
              end
            end
            local others = {}
            for _, d in ipairs(redis.call('ZRANGE', KEYS[4], 0, -1)) do
              if not chosen[d] and #others < tonumber(ARGV[5])
                  and redis.call('EXISTS', ARGV[1] .. string.match(d, '^([^/]+)/')) == 1 then
                table.insert(others, d)
              end
            end
            if #others > 0 and redis.call('PUBLISH', KEYS[3], ARGV[2] .. '\\n' .. table.concat(others, ',')) > 0 then
              return {#others, 0, 0}
            end
            if redis.call('LLEN', KEYS[2]) >= tonumber(ARGV[4]) then return {0, 0, 0} end
            redis.call('RPUSH', KEYS[2], ARGV[3])
            return {0, 1, 0}
            """;

    private final RedisLink redis;
    private final RedisKeys keys;
    private final String node;
    private final LongSupplier now;
    private final int maxQueued;

    PrivateResend(RedisLink redis, RedisKeys keys, String node, LongSupplier now, int maxQueued) {
        this.redis = redis;
        this.keys = keys;
        this.node = node;
        this.now = now;
        this.maxQueued = maxQueued;
    }

    /**
     * A private message reached this node but none of the connections it was chosen for here took
     * it (they left, or refused it): hands it to the user's other live connections, or queues it.
     * Asynchronous (runs from the pub/sub event loop); the outcome is logged.
     */
    void resend(String tenant, long userId, Envelope received) {
        CometEvent f = received.frame();
        String envelope = EnvelopeCodec.encode(Envelope.frame(node, -1,
                new CometEvent(PrivateDelivery.PRIVATE_PIPE, f.event(), f.data(), -1, -1, false)));
        String text = String.valueOf(f.data());
        QueuedMessage entry = new QueuedMessage(UUID.randomUUID().toString(), userId, f.event(), text, now.getAsLong());
        String mine = node + "/";
        String gone = String.join(",", received.recipients().stream().filter(d -> d.startsWith(mine)).toList());
        redis.<List<Long>>eval(RESEND, ScriptOutputType.MULTI,
                new String[] {keys.online(tenant, userId), keys.queue(tenant, userId), keys.userChannel(tenant, userId),
                        keys.devices(tenant, userId)},
                keys.nodePrefix(), envelope, PrivateDelivery.entry(entry), Integer.toString(maxQueued),
                Integer.toString(Names.MAX_DEVICES_PER_USER), String.join(",", received.recipients()), gone)
                .whenComplete((answer, e) -> {
                    if (e != null) {
                        log.error("tenant {} user {}: private event {} lost: its connections here left and Redis "
                                + "failed: {}", tenant, userId, f.event(), e.toString());
                    } else if (answer.get(2) == 1) {
                        log.debug("tenant {} user {}: private event {} held by a connection on another node", tenant,
                                userId, f.event());
                    } else if (answer.get(1) == 1) {
                        log.info("tenant {} user {}: private event {} queued (its connections here left)", tenant,
                                userId, f.event());
                    } else if (answer.get(0) > 0) {
                        log.info("tenant {} user {}: private event {} handed to {} other connections", tenant, userId,
                                f.event(), answer.get(0));
                    } else {
                        log.error("tenant {} user {}: private event {} lost: queue full ({})", tenant, userId,
                                f.event(), maxQueued);
                    }
                });
    }
}

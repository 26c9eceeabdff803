package org.spectrumcomet.comet.engine.redis;

import io.lettuce.core.ScriptOutputType;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectrumcomet.comet.engine.CometEvent;

/**
 * Who is online anywhere in the network. Per user a set of the nodes holding one of their
 * connections; a member whose liveness key ({@link NodeLiveness}) expired (node killed) no longer
 * counts. Each node also lists the users it holds, so the sweep of a dead node can end their
 * presence with an {@code offline} event.
 *
 * <p>Join and leave are Lua scripts that decide "first node" / "last node" and PUBLISH the
 * {@code online}/{@code offline} event on {@code user_status_<id>} in the same atomic step, so
 * every node sees a user's events in the order the transitions happened.
 */
final class NetworkPresence {

    private static final Logger log = LoggerFactory.getLogger(NetworkPresence.class);
    static final String STATUS_PIPE_PREFIX = "user_status_";

    /**
     * Counts the live nodes of set {@code set}; with {@code drop} it also removes dead ones.
     * Only join and leave drop: a dead member left in place is for {@link NodeLiveness}'s sweep,
     * which publishes the user's {@code offline} event if no live node holds them then. A member a
     * join or leave dropped needs no event (the user is online again, or leave publishes it).
     * {@code dead} tells the caller a dead node still holds the user. Shared with {@link PrivateDelivery}.
     */
    static final String LIVE_FN = """
            local dead = false
            local function live(set, nodePrefix, drop)
              local n = 0
              for _, node in ipairs(redis.call('SMEMBERS', set)) do
                if redis.call('EXISTS', nodePrefix .. node) == 1 then n = n + 1
                else
                  dead = true
                  if drop then redis.call('SREM', set, node) end
                end
              end
              return n
            end
            """;

    /**
     * KEYS online, status channel, node's users; ARGV node prefix, node, envelope, tenant/user →
     * 1 when the user became online.
     */
    private static final String JOIN = LIVE_FN + """
            local others = live(KEYS[1], ARGV[1], true)
            redis.call('SADD', KEYS[1], ARGV[2])
            redis.call('SADD', KEYS[3], ARGV[4])
            if others == 0 then redis.call('PUBLISH', KEYS[2], ARGV[3]) return 1 end
            return 0
            """;

    /**
     * KEYS online, seen, status channel, node's users; ARGV node prefix, node, user, now, envelope,
     * tenant/user → 1 when the user went offline.
     */
    private static final String LEAVE = LIVE_FN + """
            redis.call('SREM', KEYS[1], ARGV[2])
            redis.call('SREM', KEYS[4], ARGV[6])
            if live(KEYS[1], ARGV[1], true) > 0 then return 0 end
            redis.call('HSET', KEYS[2], ARGV[3], ARGV[4])
            redis.call('PUBLISH', KEYS[3], ARGV[5])
            return 1
            """;

    /**
     * KEYS online, seen; ARGV node prefix, user, now → 0 online, last seen, or -1. Held only by
     * a dead node: offline since about now (the sweep records the time).
     */
    private static final String LAST_ONLINE = LIVE_FN + """
            if live(KEYS[1], ARGV[1], false) > 0 then return 0 end
            if dead then return tonumber(ARGV[3]) end
            local t = redis.call('HGET', KEYS[2], ARGV[2])
            if t then return tonumber(t) end
            return -1
            """;

    private final RedisLink redis;
    private final RedisKeys keys;
    private final String node;
    private final LongSupplier now;

    NetworkPresence(RedisLink redis, RedisKeys keys, String node, LongSupplier now) {
        this.redis = redis;
        this.keys = keys;
        this.node = node;
        this.now = now;
    }

    /** The user's first connection on this node; true when they became online in the network. */
    boolean join(String tenant, long userId) {
        Long first = redis.await(redis.<Long>eval(JOIN, ScriptOutputType.INTEGER,
                new String[] {keys.online(tenant, userId), statusChannel(tenant, userId), keys.nodeUsers(node)},
                keys.nodePrefix(), node, status(userId, "online"), entry(tenant, userId)), "presence of user " + userId);
        return first == 1;
    }

    /** The user's last connection on this node closed; true when they went offline in the network. */
    boolean leave(String tenant, long userId) {
        Long last = redis.await(redis.<Long>eval(LEAVE, ScriptOutputType.INTEGER,
                new String[] {keys.online(tenant, userId), keys.lastSeen(tenant), statusChannel(tenant, userId),
                        keys.nodeUsers(node)},
                keys.nodePrefix(), node, Long.toString(userId), Long.toString(now.getAsLong()),
                status(userId, "offline"), entry(tenant, userId)), "presence of user " + userId);
        return last == 1;
    }

    long lastOnline(String tenant, long userId) {
        return redis.await(redis.<Long>eval(LAST_ONLINE, ScriptOutputType.INTEGER,
                new String[] {keys.online(tenant, userId), keys.lastSeen(tenant)}, keys.nodePrefix(),
                Long.toString(userId), Long.toString(now.getAsLong())), "presence of user " + userId);
    }

    private String statusChannel(String tenant, long userId) {
        return keys.pipeChannel(tenant, STATUS_PIPE_PREFIX + userId);
    }

    private String status(long userId, String status) {
        String pipe = STATUS_PIPE_PREFIX + userId;
        return EnvelopeCodec.encode(Envelope.frame(node, -1, new CometEvent(pipe, status, status, -1, -1, false)));
    }

    /** How a user is listed in the node's users set, for the sweep of a dead node. */
    private static String entry(String tenant, long userId) {
        return tenant + "/" + userId;
    }
}

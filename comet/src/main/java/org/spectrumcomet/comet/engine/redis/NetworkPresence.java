package org.spectrumcomet.comet.engine.redis;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectrumcomet.comet.engine.CometEvent;

/**
 * Who is online anywhere in the network. Per user a set of the nodes holding one of their
 * connections; per node a liveness key that the node's heartbeat refreshes every third of the
 * presence timeout. A member whose liveness key expired (node killed) no longer counts and is
 * removed by the next script that looks at the set.
 *
 * <p>Join and leave are Lua scripts that decide "first node" / "last node" and PUBLISH the
 * {@code online}/{@code offline} event on {@code user_status_<id>} in the same atomic step, so
 * every node sees a user's events in the order the transitions happened.
 */
final class NetworkPresence implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NetworkPresence.class);
    static final String STATUS_PIPE_PREFIX = "user_status_";

    /**
     * Counts the live nodes of set {@code set}, dropping dead ones; shared with {@link PrivateDelivery}.
     * {@code dropped} tells the caller a killed node held the user: if no live node is left, the
     * caller records "last seen now" (within the presence timeout of the real time).
     */
    static final String LIVE_FN = """
            local dropped = false
            local function live(set, nodePrefix)
              local n = 0
              for _, node in ipairs(redis.call('SMEMBERS', set)) do
                if redis.call('EXISTS', nodePrefix .. node) == 1 then n = n + 1
                else redis.call('SREM', set, node) dropped = true end
              end
              return n
            end
            """;

    /** KEYS online, status channel; ARGV node prefix, node, envelope → 1 when the user became online. */
    private static final String JOIN = LIVE_FN + """
            local others = live(KEYS[1], ARGV[1])
            redis.call('SADD', KEYS[1], ARGV[2])
            if others == 0 then redis.call('PUBLISH', KEYS[2], ARGV[3]) return 1 end
            return 0
            """;

    /** KEYS online, seen, status channel; ARGV node prefix, node, user, now, envelope → 1 when offline. */
    private static final String LEAVE = LIVE_FN + """
            redis.call('SREM', KEYS[1], ARGV[2])
            if live(KEYS[1], ARGV[1]) > 0 then return 0 end
            redis.call('HSET', KEYS[2], ARGV[3], ARGV[4])
            redis.call('PUBLISH', KEYS[3], ARGV[5])
            return 1
            """;

    /** KEYS online, seen; ARGV node prefix, user, now → 0 online, last seen, or -1. */
    private static final String LAST_ONLINE = LIVE_FN + """
            if live(KEYS[1], ARGV[1]) > 0 then return 0 end
            if dropped then redis.call('HSET', KEYS[2], ARGV[2], ARGV[3]) return tonumber(ARGV[3]) end
            local t = redis.call('HGET', KEYS[2], ARGV[2])
            if t then return tonumber(t) end
            return -1
            """;

    private final RedisLink redis;
    private final RedisKeys keys;
    private final String node;
    private final LongSupplier now;
    private final Duration timeout;
    private final ScheduledExecutorService heartbeat;
    private final AtomicBoolean beating = new AtomicBoolean(true);

    /** Writes the node's liveness key once (so this node counts at once), then keeps it fresh. */
    NetworkPresence(RedisLink redis, RedisKeys keys, String node, LongSupplier now, Duration timeout) {
        this.redis = redis;
        this.keys = keys;
        this.node = node;
        this.now = now;
        this.timeout = timeout;
        redis.await(redis.commands().set(keys.nodePrefix() + node, "1", SetArgs.Builder.px(timeout.toMillis())),
                "node " + node + " liveness");
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "comet-redis-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(1, timeout.toMillis() / 3);
        heartbeat.scheduleAtFixedRate(this::beat, period, period, TimeUnit.MILLISECONDS);
    }

    private void beat() {
        redis.commands().set(keys.nodePrefix() + node, "1", SetArgs.Builder.px(timeout.toMillis()))
                .whenComplete((ok, e) -> {
                    if (e != null && beating.compareAndSet(true, false)) {
                        log.warn("node {}: heartbeat failed, users here count offline elsewhere after {}: {}",
                                node, timeout, e.toString());
                    } else if (e == null && beating.compareAndSet(false, true)) {
                        log.info("node {}: heartbeat back", node);
                    }
                });
    }

    /** The user's first connection on this node; true when they became online in the network. */
    boolean join(String tenant, long userId) {
        Long first = redis.await(redis.commands().<Long>eval(JOIN, ScriptOutputType.INTEGER,
                new String[] {keys.online(tenant, userId), statusChannel(tenant, userId)},
                keys.nodePrefix(), node, status(userId, "online")), "presence of user " + userId);
        return first == 1;
    }

    /** The user's last connection on this node closed; true when they went offline in the network. */
    boolean leave(String tenant, long userId) {
        Long last = redis.await(redis.commands().<Long>eval(LEAVE, ScriptOutputType.INTEGER,
                new String[] {keys.online(tenant, userId), keys.lastSeen(tenant), statusChannel(tenant, userId)},
                keys.nodePrefix(), node, Long.toString(userId), Long.toString(now.getAsLong()),
                status(userId, "offline")), "presence of user " + userId);
        return last == 1;
    }

    long lastOnline(String tenant, long userId) {
        return redis.await(redis.commands().<Long>eval(LAST_ONLINE, ScriptOutputType.INTEGER,
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

    /** Stops the heartbeat and removes the liveness key: this node's users count offline at once. */
    @Override
    public void close() {
        heartbeat.shutdownNow();
        try {
            redis.await(redis.commands().del(keys.nodePrefix() + node), "node " + node + " liveness");
        } catch (RuntimeException e) {
            log.warn("node {}: liveness key not removed, it expires within {}: {}", node, timeout, e.getMessage());
        }
    }
}

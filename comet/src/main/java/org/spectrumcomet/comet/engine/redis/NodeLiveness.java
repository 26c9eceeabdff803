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

/**
 * This node's heartbeat and the sweep of dead nodes. The node's liveness key lives for the
 * presence timeout and is refreshed every third of it; the same timer runs the sweep, which ends
 * the presence of every user a node with an expired key held: removes the node from their node
 * sets and, for those no live node holds any more, records "last seen" and publishes
 * {@code offline}. So a node killed with -9 has its users offline everywhere within 4/3 of the
 * presence timeout. The sweep is one script: when several nodes run it, the first does the work.
 */
final class NodeLiveness implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NodeLiveness.class);

    /** KEYS nodes; ARGV key prefix, now → how many users went offline. */
    private static final String SWEEP = """
            local swept = 0
            for _, node in ipairs(redis.call('SMEMBERS', KEYS[1])) do
              if redis.call('EXISTS', ARGV[1] .. 'node:' .. node) == 0 then
                local users = ARGV[1] .. 'node-users:' .. node
                for _, entry in ipairs(redis.call('SMEMBERS', users)) do
                  local tenant, user = string.match(entry, '^([^/]+)/(.+)$')
                  local base = ARGV[1] .. 't:' .. tenant .. ':'
                  local online = base .. 'online:' .. user
                  if redis.call('SREM', online, node) == 1 then
                    local live = 0
                    for _, other in ipairs(redis.call('SMEMBERS', online)) do
                      if redis.call('EXISTS', ARGV[1] .. 'node:' .. other) == 1 then live = live + 1 end
                    end
                    if live == 0 then
                      local pipe = 'user_status_' .. user
                      redis.call('HSET', base .. 'seen', user, ARGV[2])
                      redis.call('PUBLISH', base .. 'pipe:' .. pipe, cjson.encode({k = 'frame', n = node, x = -1,
                        p = pipe, e = 'offline', d = 'offline', t = -1, u = -1, q = false}))
                      swept = swept + 1
                    end
                  end
                end
                redis.call('DEL', users)
                redis.call('SREM', KEYS[1], node)
              end
            end
            return swept
            """;

    private final RedisLink redis;
    private final RedisKeys keys;
    private final String node;
    private final LongSupplier now;
    private final Duration timeout;
    private final ScheduledExecutorService timer;
    private final AtomicBoolean beating = new AtomicBoolean(true);
    private final Runnable lapsed;

    /**
     * Writes the liveness key once (so this node counts at once) and registers the node, then keeps beating.
     *
     * @param lapsed run on the timer thread (may wait for Redis) when the key was found expired
     */
    NodeLiveness(RedisLink redis, RedisKeys keys, String node, LongSupplier now, Duration timeout, Runnable lapsed) {
        this.redis = redis;
        this.lapsed = lapsed;
        this.keys = keys;
        this.node = node;
        this.now = now;
        this.timeout = timeout;
        redis.await(redis.commands().set(keys.nodePrefix() + node, "1", SetArgs.Builder.px(timeout.toMillis())),
                "node " + node + " liveness");
        redis.await(redis.commands().sadd(keys.nodes(), node), "node " + node + " registration");
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "comet-redis-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(1, timeout.toMillis() / 3);
        timer.scheduleAtFixedRate(this::beat, period, period, TimeUnit.MILLISECONDS);
    }

    /** Never waits: answers are handled on Lettuce's thread, a re-announcement on the timer's. */
    private void beat() {
        redis.commands().setGet(keys.nodePrefix() + node, "1", SetArgs.Builder.px(timeout.toMillis()))
                .thenCompose(previous -> {
                    if (previous == null) {
                        // Our key had expired (Redis away too long, or restarted empty): other nodes may
                        // have swept our users offline. Say again who is here.
                        log.warn("node {}: liveness had lapsed, announcing this node's users again", node);
                        timer.execute(lapsed);
                    }
                    return redis.commands().sadd(keys.nodes(), node);
                })
                .whenComplete((ok, e) -> {
                    if (e != null && beating.compareAndSet(true, false)) {
                        log.warn("node {}: heartbeat failed, its users count offline elsewhere after {}: {}",
                                node, timeout, e.toString());
                    } else if (e == null && beating.compareAndSet(false, true)) {
                        log.info("node {}: heartbeat back", node);
                    }
                });
        redis.<Long>eval(SWEEP, ScriptOutputType.INTEGER, new String[] {keys.nodes()}, keys.prefix(),
                Long.toString(now.getAsLong())).whenComplete((swept, e) -> {
                    if (swept != null && swept > 0) {
                        log.info("node {}: {} users of dead nodes went offline", node, swept);
                    }
                });
    }

    /** Stops beating and removes the node: whatever it still held counts offline at once. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            redis.await(redis.commands().del(keys.nodePrefix() + node, keys.nodeUsers(node)), "node " + node);
            redis.await(redis.commands().srem(keys.nodes(), node), "node " + node);
        } catch (RuntimeException e) {
            log.warn("node {}: not unregistered, its liveness expires within {}: {}", node, timeout, e.getMessage());
        }
    }
}

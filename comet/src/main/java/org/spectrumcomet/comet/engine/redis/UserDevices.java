package org.spectrumcomet.comet.engine.redis;

import io.lettuce.core.ScriptOutputType;
import org.spectrumcomet.comet.engine.Session;

/**
 * Every connection of a user on any node, in attach order: a sorted set per user, member
 * {@code <node>/<session>}, score one above the highest so far. The sending script of
 * {@link PrivateDelivery} takes the oldest 16 live ones, so the bound on a user's private-message
 * connections holds across the network; entries of dead nodes are dropped by that script.
 */
final class UserDevices {

    /** KEYS devices; ARGV member: appends it after the newest. */
    private static final String ADD = """
            local newest = redis.call('ZREVRANGE', KEYS[1], 0, 0, 'WITHSCORES')
            redis.call('ZADD', KEYS[1], (newest[2] and tonumber(newest[2]) or 0) + 1, ARGV[1])
            return 1
            """;

    private final RedisLink redis;
    private final RedisKeys keys;
    private final String node;

    UserDevices(RedisLink redis, RedisKeys keys, String node) {
        this.redis = redis;
        this.keys = keys;
        this.node = node;
    }

    /** Before the user's node set shows this node, so a message sent then already counts the connection. */
    void add(Session session) {
        redis.await(redis.<Long>eval(ADD, ScriptOutputType.INTEGER,
                new String[] {keys.devices(session.tenant(), session.userId())}, member(session)),
                "connections of user " + session.userId());
    }

    void remove(Session session) {
        redis.await(redis.commands().zrem(keys.devices(session.tenant(), session.userId()), member(session)),
                "connections of user " + session.userId());
    }

    private String member(Session session) {
        return node + "/" + session.id();
    }
}

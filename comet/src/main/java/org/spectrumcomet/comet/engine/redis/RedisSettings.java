package org.spectrumcomet.comet.engine.redis;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the shared Redis is and how this node talks to it ({@code --redis} / {@code [redis]}).
 *
 * @param host Redis host
 * @param port Redis port
 * @param database Redis logical database (the {@code /DB} of the address)
 * @param password empty for none
 * @param keyPrefix put before every key and channel, so several networks may share one Redis
 * @param commandTimeout how long an engine call waits for Redis before failing with a store error
 * @param presenceTimeout how long a node killed without a goodbye still counts as holding its
 *                        users online: its liveness key expires after this, refreshed every third of it
 * @param replayMessages how many of a pipe's newest messages Redis keeps for nodes whose pub/sub
 *                       connection was away (also how many one read-back fetches)
 * @param replayAge how long a pipe's kept messages outlive its last publish
 */
public record RedisSettings(String host, int port, int database, String password, String keyPrefix,
                            Duration commandTimeout, Duration presenceTimeout, int replayMessages,
                            Duration replayAge) {

    private static final Pattern ADDRESS = Pattern.compile("redis://([A-Za-z0-9._-]+):([0-9]{1,5})(?:/([0-9]{1,2}))?/?");
    public static final String DEFAULT_PREFIX = "comet:";
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_PRESENCE_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_REPLAY_MESSAGES = 1000;
    public static final Duration DEFAULT_REPLAY_AGE = Duration.ofMinutes(5);
    /** Every kept message costs Redis memory per pipe: a million 100-byte messages is ~150 MB for one pipe. */
    public static final int MAX_REPLAY_MESSAGES = 1_000_000;
    /** A day: longer outages are a restart, not a blip to bridge. */
    public static final Duration MAX_REPLAY_AGE = Duration.ofDays(1);

    public RedisSettings {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("redis port must be 1..65535, got " + port);
        }
        if (database < 0 || database > 15) {
            throw new IllegalArgumentException("redis database must be 0..15, got " + database);
        }
        if (keyPrefix.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("redis key_prefix must not contain spaces: '" + keyPrefix + "'");
        }
        if (commandTimeout.isZero() || commandTimeout.isNegative()
                || presenceTimeout.compareTo(Duration.ofSeconds(3)) < 0) {
            throw new IllegalArgumentException("redis timeouts too small: command " + commandTimeout
                    + ", presence " + presenceTimeout + " (at least 3 s)");
        }
        if (replayMessages < 1 || replayMessages > MAX_REPLAY_MESSAGES) {
            throw new IllegalArgumentException("redis replay_messages must be 1.." + MAX_REPLAY_MESSAGES
                    + " (messages kept per pipe), got " + replayMessages);
        }
        if (replayAge.toSeconds() < 1 || replayAge.compareTo(MAX_REPLAY_AGE) > 0) {
            throw new IllegalArgumentException("redis replay_age must be 1.." + MAX_REPLAY_AGE.toSeconds()
                    + " seconds, got " + replayAge.toSeconds());
        }
    }

    /** The settings before the replay bounds were configurable: default replay bounds. */
    public RedisSettings(String host, int port, int database, String password, String keyPrefix,
                         Duration commandTimeout, Duration presenceTimeout) {
        this(host, port, database, password, keyPrefix, commandTimeout, presenceTimeout, DEFAULT_REPLAY_MESSAGES,
                DEFAULT_REPLAY_AGE);
    }

    /**
     * Parses {@code redis://HOST:PORT[/DB]} with default password, prefix and timeouts.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static RedisSettings parse(String address) {
        Matcher m = ADDRESS.matcher(address == null ? "" : address.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("redis address '" + address + "': expected redis://HOST:PORT[/DB]");
        }
        int port = Integer.parseInt(m.group(2));
        int db = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        return new RedisSettings(m.group(1), port, db, "", DEFAULT_PREFIX, DEFAULT_COMMAND_TIMEOUT,
                DEFAULT_PRESENCE_TIMEOUT, DEFAULT_REPLAY_MESSAGES, DEFAULT_REPLAY_AGE);
    }

    public RedisSettings withPassword(String value) {
        return new RedisSettings(host, port, database, value, keyPrefix, commandTimeout, presenceTimeout, replayMessages, replayAge);
    }

    public RedisSettings withKeyPrefix(String value) {
        return new RedisSettings(host, port, database, password, value, commandTimeout, presenceTimeout, replayMessages, replayAge);
    }

    public RedisSettings withCommandTimeout(Duration value) {
        return new RedisSettings(host, port, database, password, keyPrefix, value, presenceTimeout, replayMessages, replayAge);
    }

    public RedisSettings withPresenceTimeout(Duration value) {
        return new RedisSettings(host, port, database, password, keyPrefix, commandTimeout, value, replayMessages, replayAge);
    }

    public RedisSettings withReplayMessages(int value) {
        return new RedisSettings(host, port, database, password, keyPrefix, commandTimeout, presenceTimeout, value, replayAge);
    }

    public RedisSettings withReplayAge(Duration value) {
        return new RedisSettings(host, port, database, password, keyPrefix, commandTimeout, presenceTimeout, replayMessages, value);
    }

    /** These settings on the Redis that {@code address} names (what {@code --redis} changes). */
    public RedisSettings at(RedisSettings address) {
        return new RedisSettings(address.host, address.port, address.database, password, keyPrefix, commandTimeout,
                presenceTimeout, replayMessages, replayAge);
    }

    /** The address without the password, for logs and the ready line. */
    @Override
    public String toString() {
        return "redis://" + host + ":" + port + "/" + database;
    }
}

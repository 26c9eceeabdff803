package org.spectrumcomet.comet.engine.redis;

import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Reads back a pipe's recent messages from its replay stream (written by the publishing script),
 * for a node that missed some while its pub/sub connection was away.
 *
 * <p>Bounds ({@code [redis] replay_messages}, {@code replay_age}): the stream keeps the newest
 * {@link #length()} messages of a pipe and disappears {@link #age()} after the pipe's last publish.
 * The publishing node's bounds trim the stream. A node away longer than that finds a gap it cannot
 * fill: its subscribers get a {@code sys} error frame naming how many messages were lost.
 */
final class PipeReplay {

    /**
     * Lua: gives an envelope the pipe's next number (as its first field) and keeps it in the replay
     * stream, bounded by length and age; returns the numbered envelope text.
     */
    static final String NUMBER_FN = """
            local function numbered(sequence, replay, envelope, length, seconds)
              local n = redis.call('INCR', sequence)
              local text = '{"s":' .. n .. ',' .. string.sub(envelope, 2)
              redis.call('XADD', replay, 'MAXLEN', length, n .. '-0', 'e', text)
              redis.call('EXPIRE', replay, seconds)
              return text
            end
            """;

    /** KEYS sequence, replay, channel; ARGV envelope, length, seconds → nodes reached. */
    private static final String PUBLISH = NUMBER_FN + """
            return redis.call('PUBLISH', KEYS[3], numbered(KEYS[1], KEYS[2], ARGV[1], ARGV[2], ARGV[3]))
            """;

    /** KEYS sequence, replay; ARGV first wanted id → current number, then each envelope from there on. */
    private static final String READ = """
            local answer = {tonumber(redis.call('GET', KEYS[1]) or '0')}
            for _, entry in ipairs(redis.call('XRANGE', KEYS[2], ARGV[1], '+', 'COUNT', ARGV[2])) do
              table.insert(answer, entry[2][2])
            end
            return answer
            """;

    /** What Redis holds after a number: the pipe's current number and the envelopes kept after it. */
    record Tail(long current, List<Envelope> envelopes) {
    }

    /** Envelopes one read-back fetches at most. */
    static final int READ_BATCH = 1000;

    private final RedisLink redis;
    private final RedisKeys keys;
    private final int length;
    private final Duration age;

    PipeReplay(RedisLink redis, RedisKeys keys, int length, Duration age) {
        this.redis = redis;
        this.keys = keys;
        this.length = length;
        this.age = age;
    }

    /** Messages kept per pipe. */
    int length() {
        return length;
    }

    /**
     * The most one read-back returns: the kept length, but at most {@link #READ_BATCH}. XRANGE
     * runs inside a script, so Redis serves no other client until it ends; with replay_messages
     * up to a million one read would stall the whole network. A full batch makes the feed read on.
     */
    int batch() {
        return Math.min(length, READ_BATCH);
    }

    /** How long a pipe's replay stream outlives its last publish. */
    Duration age() {
        return age;
    }

    /** Publishes a pipe event that is not kept in history (a track_ announcement), numbered like any message. */
    CompletionStage<Long> publish(String tenant, String pipe, String envelope) {
        return redis.eval(PUBLISH, ScriptOutputType.INTEGER,
                new String[] {keys.pipeSequence(tenant, pipe), keys.pipeReplay(tenant, pipe), keys.pipeChannel(tenant, pipe)},
                envelope, Integer.toString(length), Long.toString(age.toSeconds()));
    }

    /** The pipe's current number, read before subscribing: where this node's feed of it starts. */
    CompletionStage<Long> current(String tenant, String pipe) {
        return redis.commands().get(keys.pipeSequence(tenant, pipe)).thenApply(v -> v == null ? 0L : Long.parseLong(v));
    }

    /** Asynchronous: never waits, so it may run from an event loop. */
    CompletionStage<Tail> after(String tenant, String pipe, long sequence) {
        return redis.<List<Object>>eval(READ, ScriptOutputType.MULTI,
                new String[] {keys.pipeSequence(tenant, pipe), keys.pipeReplay(tenant, pipe)},
                (sequence + 1) + "-0", Integer.toString(batch())).thenApply(answer -> {
                    List<Envelope> envelopes = new ArrayList<>(answer.size() - 1);
                    for (int i = 1; i < answer.size(); i++) {
                        envelopes.add(EnvelopeCodec.decode((String) answer.get(i)));
                    }
                    return new Tail((Long) answer.get(0), envelopes);
                });
    }
}

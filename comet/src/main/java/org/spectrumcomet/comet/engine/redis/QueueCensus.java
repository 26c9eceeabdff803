package org.spectrumcomet.comet.engine.redis;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Counts the private messages queued for offline users across the whole network, for
 * {@code comet_offline_queue_messages}: SCAN over the queue keys, LLEN of each, pipelined. SCAN
 * walks the keyspace in small steps, so Redis keeps serving other commands meanwhile; the walk
 * stops after {@link #MAX_KEYS} queues (a huge network's gauge is then a lower bound, and says
 * so in the log once).
 */
final class QueueCensus {

    /** Queues counted at most per census, to bound what one scrape costs Redis. */
    static final int MAX_KEYS = 100_000;
    private static final int STEP = 1000;

    private final RedisLink redis;
    private final String pattern;

    QueueCensus(RedisLink redis, RedisKeys keys) {
        this.redis = redis;
        this.pattern = keys.prefix() + "t:*:queue:*";
    }

    /** Blocks on Redis (executor thread only). @throws org.spectrumcomet.comet.store.CometStoreException */
    long count() {
        long total = 0;
        int seen = 0;
        ScanArgs args = ScanArgs.Builder.matches(pattern).limit(STEP);
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = redis.await(redis.commands().scan(cursor, args), "counting queues");
            List<CompletionStage<Long>> lengths = new ArrayList<>(page.getKeys().size());
            for (String key : page.getKeys()) {
                lengths.add(redis.commands().llen(key));
            }
            for (CompletionStage<Long> length : lengths) {
                total += redis.await(length, "counting queues");
            }
            seen += lengths.size();
            cursor = page;
        } while (!cursor.isFinished() && seen < MAX_KEYS);
        return total;
    }
}

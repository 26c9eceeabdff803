package org.spectrumcomet.comet.engine.local;

import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import org.spectrumcomet.comet.store.CometStore;

/**
 * How many messages each pipe keeps, cached in front of {@code pipes_settings}: every publish
 * needs it, and reading the store per INSERT was a hot spot (bench comet, JFR).
 *
 * <p>Consistency: a miss loads the store's row inside the map's per-key compute, and
 * {@link #changed}/{@link #forget} replace or drop the key after the store committed the change;
 * both take the same per-key lock, so a load that read the old row can never land after the
 * change.
 *
 * <p>Bound: at most {@link #MAX_CACHED} pipes are cached; beyond that, misses read the store
 * every time (correct, only slower) instead of growing the map.
 */
final class HistoryLengths {

    static final int MAX_CACHED = 100_000;

    private record Key(String tenant, String pipe) {
    }

    private final CometStore store;
    private final ConcurrentHashMap<Key, Integer> keep = new ConcurrentHashMap<>();

    HistoryLengths(CometStore store) {
        this.store = store;
    }

    /** Messages the pipe keeps (may read the store, so blocking). */
    int keep(String tenant, String pipe) {
        Key key = new Key(tenant, pipe);
        Integer cached = keep.get(key);
        if (cached != null) {
            return cached;
        }
        if (keep.size() >= MAX_CACHED) {
            return load(key);
        }
        return keep.computeIfAbsent(key, this::load);
    }

    /** Messages the pipe keeps when already known, without touching the store. */
    OptionalInt cachedKeep(String tenant, String pipe) {
        Integer cached = keep.get(new Key(tenant, pipe));
        return cached == null ? OptionalInt.empty() : OptionalInt.of(cached);
    }

    /** The pipe's setting is now {@code length} (already committed). */
    void changed(String tenant, String pipe, int length) {
        Key key = new Key(tenant, pipe);
        if (keep.size() >= MAX_CACHED) {
            keep.remove(key);
        } else {
            keep.put(key, PipeFanout.keepFor(pipe, length));
        }
    }

    /** The pipe's setting was deleted (already committed). */
    void forget(String tenant, String pipe) {
        keep.remove(new Key(tenant, pipe));
    }

    private int load(Key key) {
        OptionalInt length = store.historyLength(key.tenant(), key.pipe());
        return PipeFanout.keepFor(key.pipe(), length.orElse(0));
    }
}

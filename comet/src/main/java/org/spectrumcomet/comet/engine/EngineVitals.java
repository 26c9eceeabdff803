package org.spectrumcomet.comet.engine;

/**
 * What an operator watches of an engine ({@code /metrics}, {@code /health}). Counts are this
 * node's: with the Redis engine each node reports its own connections.
 */
public interface EngineVitals {

    /** For an engine that reports nothing: zero counts, unknown queue size, a store that always answers. */
    EngineVitals NONE = new EngineVitals() {
    };

    /** Pipe subscriptions of this node's connections (a connection in three pipes counts three). Never blocks. */
    default long subscriptions() {
        return 0;
    }

    /** Pipes with at least one subscriber on this node. Never blocks. */
    default long pipesWithSubscribers() {
        return 0;
    }

    /** Writes waiting for the store's group commit (0 for a store without such a queue). Never blocks. */
    default long pendingStoreWrites() {
        return 0;
    }

    /**
     * Private messages queued for offline users, all tenants, or -1 when the engine cannot count
     * them cheaply. May block (a store query): call it off the event loop.
     */
    default long queuedPrivateMessages() {
        return -1;
    }

    /**
     * Asks the store one trivial question. May block up to the store's timeout: call it off the
     * event loop.
     *
     * @throws org.spectrumcomet.comet.store.CometStoreException when the store does not answer
     */
    default void checkStore() {
    }
}

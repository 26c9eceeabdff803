package org.spectrumcomet.comet.store;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.spectrumcomet.comet.engine.PipeMessage;
import org.spectrumcomet.comet.engine.QueuedMessage;

/**
 * What the engine keeps across restarts, per tenant. Every method is keyed by the tenant, and
 * two tenants never see each other's rows even for equal user ids or pipe names.
 *
 * <p>Every method blocks until its change is as durable as the implementation promises (see the
 * implementation's Javadoc) and is safe to call from any thread. Failures surface as
 * {@link CometStoreException}; a failed write has no effect.
 */
public interface CometStore extends AutoCloseable {

    // ---- users_auth ----

    /** Stores (or replaces) a user's key. */
    void putUserKey(String tenant, long userId, String key);

    Optional<String> userKey(String tenant, long userId);

    /** @return true when a key existed */
    boolean deleteUserKey(String tenant, long userId);

    // ---- pipes_settings + pipe history ----

    /** Stores a pipe's history length and trims its history to the newest {@code keep} rows. */
    void putHistoryLength(String tenant, String pipe, int length, int keep);

    OptionalInt historyLength(String tenant, String pipe);

    /** Removes a pipe's setting and its history. */
    void deletePipe(String tenant, String pipe);

    /** Appends a message and trims the pipe's history to the newest {@code keep} rows, atomically. */
    void appendHistory(String tenant, PipeMessage message, int keep);

    /** Oldest first, at most {@code limit} of the newest rows. */
    List<PipeMessage> history(String tenant, String pipe, int limit);

    void clearHistory(String tenant, String pipe);

    /** @return true when such a message existed */
    boolean deleteHistoryMessage(String tenant, String pipe, String messageId);

    /**
     * Deletes the kept message with this id from whichever of the tenant's pipes holds it
     * (CometQL's {@code DELETE FROM pipes_messages WHERE id = ...} names no pipe). Message ids are
     * random UUIDs, so at most one message matches.
     *
     * @return true when such a message existed
     */
    boolean deleteHistoryMessage(String tenant, String messageId);

    // ---- users_messages (offline queue) ----

    /**
     * Queues a private message unless the user already has {@code maxQueued} waiting.
     *
     * @return false when the queue was full and nothing was stored
     */
    boolean enqueue(String tenant, QueuedMessage message, int maxQueued);

    /** Oldest first, at most {@code limit}. */
    List<QueuedMessage> queue(String tenant, long userId, int limit);

    /** Removes one queue entry; false when it was already gone. */
    boolean dequeue(String tenant, long userId, String entryId);

    void clearQueue(String tenant, long userId);

    // ---- users_time ----

    /** Records when the user's last connection closed (unix seconds). */
    void putLastSeen(String tenant, long userId, long unixSeconds);

    OptionalLong lastSeen(String tenant, long userId);

    // ---- operations (metrics, health) ----

    /** Private messages queued, all tenants; -1 when the store cannot count them. */
    default long queuedMessages() {
        return -1;
    }

    /** Writes waiting for the store's writer; 0 for a store without such a queue. Never blocks. */
    default int pendingWrites() {
        return 0;
    }

    /** Asks the store one trivial question; throws {@link CometStoreException} when it does not answer. */
    default void check() {
    }

    @Override
    void close();
}

package org.spectrumcomet.comet.engine.local;

import java.util.List;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.spectrumcomet.comet.engine.CometEvent;
import org.spectrumcomet.comet.engine.Names;
import org.spectrumcomet.comet.engine.PrivateReceipt;
import org.spectrumcomet.comet.engine.QueuedMessage;
import org.spectrumcomet.comet.engine.Session;
import org.spectrumcomet.comet.store.CometStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Private messages (pipe {@code msg} on the wire) and the offline queue.
 *
 * <p>Exactly once: a queued entry is removed from the store only after {@code deliver()} accepted
 * it, and replay stops at the first refusal so the rest keep their order for the next connect.
 * Sending and replaying run under the user's lock, so a message is never queued while a
 * connection that already replayed is live.
 */
final class PrivateMessages {

    private static final Logger log = LoggerFactory.getLogger(PrivateMessages.class);
    static final String PRIVATE_PIPE = "msg";
    private static final int REPLAY_BATCH = 100;

    private final CometStore store;
    private final LongSupplier now;
    private final int maxQueued;

    PrivateMessages(CometStore store, LongSupplier now, int maxQueued) {
        this.store = store;
        this.now = now;
        this.maxQueued = maxQueued;
    }

    /** Caller holds the user's lock. */
    PrivateReceipt send(TenantState tenant, long userId, String event, String text) {
        CometEvent frame = new CometEvent(PRIVATE_PIPE, event, text, -1, -1, false);
        int delivered = 0;
        for (Session session : tenant.users.reachable(userId, Names.MAX_DEVICES_PER_USER)) {
            if (session.connection().deliver(frame)) {
                delivered++;
            }
        }
        if (delivered > 0) {
            log.debug("tenant {} user {}: private event {} delivered to {}", tenant.tenant, userId, event, delivered);
            return new PrivateReceipt(delivered, false);
        }
        QueuedMessage entry = new QueuedMessage(UUID.randomUUID().toString(), userId, event, text, now.getAsLong());
        if (!store.enqueue(tenant.tenant, entry, maxQueued)) {
            log.warn("tenant {} user {}: offline queue full ({} messages), private event {} refused",
                    tenant.tenant, userId, maxQueued, event);
            return new PrivateReceipt(0, false);
        }
        log.debug("tenant {} user {}: private event {} queued", tenant.tenant, userId, event);
        return new PrivateReceipt(0, true);
    }

    /** Delivers the queue to a newly attached session, oldest first. Caller holds the user's lock. */
    void replay(TenantState tenant, Session session) {
        long userId = session.userId();
        if (!tenant.users.reachable(userId, Names.MAX_DEVICES_PER_USER).contains(session)) {
            return;
        }
        int replayed = 0;
        List<QueuedMessage> batch;
        do {
            batch = store.queue(tenant.tenant, userId, REPLAY_BATCH);
            for (QueuedMessage entry : batch) {
                CometEvent frame = new CometEvent(PRIVATE_PIPE, entry.event(), entry.text(), entry.time(), -1, true);
                if (!session.connection().deliver(frame)) {
                    log.info("tenant {} user {}: connection refused a queued message after {}, the rest stay queued",
                            tenant.tenant, userId, replayed);
                    return;
                }
                store.dequeue(tenant.tenant, userId, entry.id());
                replayed++;
            }
        } while (batch.size() == REPLAY_BATCH);
        if (replayed > 0) {
            log.info("tenant {} user {}: {} queued messages delivered", tenant.tenant, userId, replayed);
        }
    }
}

package org.spectrumcomet.comet.engine.local;

import java.util.function.LongSupplier;
import org.spectrumcomet.comet.engine.CometEvent;
import org.spectrumcomet.comet.store.CometStore;
import org.spectrumcomet.comet.store.CometStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Online/offline events on {@code user_status_<id>} and the last-seen times behind
 * {@code users_time}. "Online" is the in-memory fact that a user has a live connection; only the
 * time the last connection closed is stored, so a restart never leaves a user "online" forever.
 */
final class Presence {

    private static final Logger log = LoggerFactory.getLogger(Presence.class);
    static final String STATUS_PIPE_PREFIX = "user_status_";

    private final CometStore store;
    private final PipeFanout fanout;
    private final LongSupplier now;

    Presence(CometStore store, PipeFanout fanout, LongSupplier now) {
        this.store = store;
        this.fanout = fanout;
        this.now = now;
    }

    /** The user's first connection registered. Caller holds the user's lock. */
    void online(TenantState tenant, long userId) {
        log.info("tenant {} user {} online", tenant.tenant, userId);
        announce(tenant, userId, "online");
    }

    /** The user's last connection closed. Caller holds the user's lock. */
    void offline(TenantState tenant, long userId) {
        log.info("tenant {} user {} offline", tenant.tenant, userId);
        recordLastSeen(tenant.tenant, userId);
        announce(tenant, userId, "offline");
    }

    /** Stores "seen now"; a failing store is logged, not thrown: the disconnect already happened. */
    void recordLastSeen(String tenant, long userId) {
        try {
            store.putLastSeen(tenant, userId, now.getAsLong());
        } catch (CometStoreException e) {
            log.error("tenant {} user {}: last-seen time not stored: {}", tenant, userId, e.getMessage());
        }
    }

    private void announce(TenantState tenant, long userId, String status) {
        String pipe = STATUS_PIPE_PREFIX + userId;
        fanout.deliver(tenant, pipe, new CometEvent(pipe, status, status, -1, -1, false), null);
    }

    /** 0 while online, the stored unix time when last seen, -1 when never seen. */
    long lastOnline(TenantState tenant, String tenantId, long userId) {
        if (tenant != null && tenant.users.online(userId)) {
            return 0;
        }
        return store.lastSeen(tenantId, userId).orElse(-1);
    }
}

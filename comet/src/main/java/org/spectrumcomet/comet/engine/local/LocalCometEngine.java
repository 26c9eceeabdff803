package org.spectrumcomet.comet.engine.local;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.spectrumcomet.comet.engine.ClientConnection;
import org.spectrumcomet.comet.engine.CometEngine;
import org.spectrumcomet.comet.engine.EngineVitals;
import org.spectrumcomet.comet.engine.Names;
import org.spectrumcomet.comet.engine.PipeMessage;
import org.spectrumcomet.comet.engine.PrivateReceipt;
import org.spectrumcomet.comet.engine.PublishReceipt;
import org.spectrumcomet.comet.engine.QueuedMessage;
import org.spectrumcomet.comet.engine.Session;
import org.spectrumcomet.comet.engine.SubscriberInfo;
import org.spectrumcomet.comet.engine.Tenants;
import org.spectrumcomet.comet.store.CometStore;
import org.spectrumcomet.comet.store.CometStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link CometEngine} of one process: live state in memory, durable state in a
 * {@link CometStore}. The engine owns the store and closes it in {@link #close()}.
 *
 * <p>A method that changes durable state returns only after the store committed it, so a
 * protocol layer may acknowledge (CometQL OK) as soon as the call returns. A failing store
 * surfaces as {@link org.spectrumcomet.comet.store.CometStoreException}.
 */
public final class LocalCometEngine implements CometEngine {

    private static final Logger log = LoggerFactory.getLogger(LocalCometEngine.class);

    private final Tenants tenants;
    private final CometStore store;
    private final EngineLimits limits;
    private final LongSupplier now;
    private final Map<String, TenantState> states = new ConcurrentHashMap<>();
    private final AtomicLong sessionIds = new AtomicLong();
    private final UserLocks userLocks = new UserLocks();
    private final HistoryLengths lengths;
    private final PipeFanout fanout;
    private final Presence presence;
    private final PrivateMessages privateMessages;

    public LocalCometEngine(Tenants tenants, CometStore store) {
        this(tenants, store, EngineLimits.DEFAULTS, Clock.systemUTC());
    }

    public LocalCometEngine(Tenants tenants, CometStore store, EngineLimits limits, Clock clock) {
        this.tenants = tenants;
        this.store = store;
        this.limits = limits;
        this.now = () -> clock.instant().getEpochSecond();
        this.lengths = new HistoryLengths(store);
        this.fanout = new PipeFanout(store, lengths, now);
        this.presence = new Presence(store, fanout, now);
        this.privateMessages = new PrivateMessages(store, now, limits.maxQueuedPerUser());
    }

    private TenantState state(String tenant) {
        return states.computeIfAbsent(tenant, t -> new TenantState(t, now));
    }

    @Override
    public Tenants tenants() {
        return tenants;
    }

    // ---- pipes ----

    @Override
    public PublishReceipt publish(String tenant, String pipe, String event, String text, long senderUserId,
                                  Session exceptSession) {
        return fanout.publish(state(tenant), pipe, event, text, senderUserId, exceptSession);
    }

    @Override
    public Optional<PublishReceipt> publishWithoutBlocking(String tenant, String pipe, String event, String text,
                                                          long senderUserId, Session exceptSession) {
        return fanout.publishWithoutStore(state(tenant), pipe, event, text, senderUserId, exceptSession);
    }

    @Override
    public List<PipeMessage> history(String tenant, String pipe, int limit) {
        return store.history(tenant, pipe, Math.min(limit, Names.MAX_HISTORY_LENGTH));
    }

    @Override
    public void clearHistory(String tenant, String pipe) {
        store.clearHistory(tenant, pipe);
    }

    @Override
    public boolean deleteHistoryMessage(String tenant, String pipe, String messageId) {
        return store.deleteHistoryMessage(tenant, pipe, messageId);
    }

    @Override
    public boolean deleteHistoryMessage(String tenant, String messageId) {
        return store.deleteHistoryMessage(tenant, messageId);
    }

    @Override
    public void setHistoryLength(String tenant, String pipe, int length) {
        Names.checkHistoryLength(length);
        store.putHistoryLength(tenant, pipe, length, PipeFanout.keepFor(pipe, length));
        lengths.changed(tenant, pipe, length);
        log.info("tenant {} pipe {}: history length {}", tenant, pipe, length);
    }

    @Override
    public OptionalInt historyLength(String tenant, String pipe) {
        return store.historyLength(tenant, pipe);
    }

    @Override
    public void deletePipeSettings(String tenant, String pipe) {
        store.deletePipe(tenant, pipe);
        lengths.forget(tenant, pipe);
        log.info("tenant {} pipe {}: settings and history deleted", tenant, pipe);
    }

    @Override
    public int subscriberCount(String tenant, String pipe) {
        TenantState state = states.get(tenant);
        return state == null ? 0 : state.subscriptions.subscribers(pipe).size();
    }

    @Override
    public List<SubscriberInfo> subscribers(String tenant, String pipe) {
        TenantState state = states.get(tenant);
        if (state == null) {
            return List.of();
        }
        List<SubscriberInfo> result = new ArrayList<>();
        for (Session s : state.subscriptions.subscribers(pipe)) {
            result.add(new SubscriberInfo(s.userId(), s.connection().uuid(), s.connection().info()));
        }
        return result;
    }

    // ---- users ----

    @Override
    public void setUserKey(String tenant, long userId, String key) {
        store.putUserKey(tenant, userId, key);
        log.info("tenant {} user {}: key stored", tenant, userId);
    }

    @Override
    public Optional<String> userKey(String tenant, long userId) {
        return store.userKey(tenant, userId);
    }

    @Override
    public void deleteUserKey(String tenant, long userId) {
        store.deleteUserKey(tenant, userId);
        TenantState state = state(tenant);
        List<Session> closed;
        ReentrantLock lock = userLocks.of(tenant, userId);
        lock.lock();
        try {
            closed = state.users.all(userId);
            closed.forEach(s -> detachLocked(state, s));
        } finally {
            lock.unlock();
        }
        // Close outside the lock: a connection may call detach() from close(), which is a no-op now.
        closed.forEach(s -> s.connection().close("user key deleted"));
        log.info("tenant {} user {}: key deleted, {} connections closed", tenant, userId, closed.size());
    }

    @Override
    public PrivateReceipt sendToUser(String tenant, long userId, String event, String text) {
        ReentrantLock lock = userLocks.of(tenant, userId);
        lock.lock();
        try {
            return privateMessages.send(state(tenant), userId, event, text);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<QueuedMessage> queue(String tenant, long userId) {
        return store.queue(tenant, userId, limits.maxQueuedPerUser());
    }

    @Override
    public void clearQueue(String tenant, long userId) {
        store.clearQueue(tenant, userId);
        log.info("tenant {} user {}: queue cleared", tenant, userId);
    }

    @Override
    public long lastOnline(String tenant, long userId) {
        return presence.lastOnline(states.get(tenant), tenant, userId);
    }

    // ---- connections ----

    @Override
    public Session attach(String tenant, long userId, ClientConnection connection) {
        TenantState state = state(tenant);
        Session session = new Session(sessionIds.incrementAndGet(), tenant, userId, connection);
        state.subscriptions.register(session);
        if (session.authorized()) {
            ReentrantLock lock = userLocks.of(tenant, userId);
            lock.lock();
            try {
                int connections = state.users.add(session);
                try {
                    privateMessages.replay(state, session);
                } catch (CometStoreException e) {
                    // The connection stays usable; what was not replayed stays queued for the next one.
                    log.error("tenant {} user {}: queued messages not replayed: {}", tenant, userId, e.getMessage());
                }
                if (connections == 1) {
                    presence.online(state, userId);
                }
            } finally {
                lock.unlock();
            }
        }
        log.debug("tenant {} user {}: session {} attached (uuid '{}')", tenant, userId, session.id(),
                connection.uuid());
        return session;
    }

    @Override
    public void subscribe(Session session, List<String> pipes) {
        state(session.tenant()).subscriptions.replace(session, pipes, limits.maxPipesPerSession());
    }

    @Override
    public void detach(Session session) {
        TenantState state = state(session.tenant());
        if (!session.authorized()) {
            state.subscriptions.unregister(session);
            return;
        }
        ReentrantLock lock = userLocks.of(session.tenant(), session.userId());
        lock.lock();
        try {
            detachLocked(state, session);
        } finally {
            lock.unlock();
        }
    }

    /** Idempotent: a session already detached is left alone. Caller holds the user's lock. */
    private void detachLocked(TenantState state, Session session) {
        if (!state.subscriptions.unregister(session)) {
            return;
        }
        if (state.users.remove(session) == 0) {
            presence.offline(state, session.userId());
        }
        log.debug("tenant {} user {}: session {} detached", session.tenant(), session.userId(), session.id());
    }

    @Override
    public EngineVitals vitals() {
        return new EngineVitals() {
            @Override
            public long subscriptions() {
                return states.values().stream().mapToLong(s -> s.subscriptions.subscriptionCount()).sum();
            }

            @Override
            public long pipesWithSubscribers() {
                return states.values().stream().mapToLong(s -> s.subscriptions.pipeCount()).sum();
            }

            @Override
            public long pendingStoreWrites() {
                return store.pendingWrites();
            }

            @Override
            public long queuedPrivateMessages() {
                return store.queuedMessages();
            }

            @Override
            public void checkStore() {
                store.check();
            }
        };
    }

    /** Records "last seen now" for every user still online, then closes the store. */
    @Override
    public void close() {
        for (TenantState state : states.values()) {
            for (long userId : state.users.onlineUsers()) {
                presence.recordLastSeen(state.tenant, userId);
            }
        }
        store.close();
        log.info("engine closed");
    }
}

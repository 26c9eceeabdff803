package org.spectrumcomet.comet.engine.redis;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectrumcomet.comet.engine.ClientConnection;
import org.spectrumcomet.comet.engine.CometEngine;
import org.spectrumcomet.comet.engine.CometEvent;
import org.spectrumcomet.comet.engine.Names;
import org.spectrumcomet.comet.engine.PipeMessage;
import org.spectrumcomet.comet.engine.PrivateReceipt;
import org.spectrumcomet.comet.engine.PublishReceipt;
import org.spectrumcomet.comet.engine.QueuedMessage;
import org.spectrumcomet.comet.engine.Session;
import org.spectrumcomet.comet.engine.SubscriberInfo;
import org.spectrumcomet.comet.engine.Tenants;
import org.spectrumcomet.comet.engine.local.EngineLimits;

/**
 * The {@link CometEngine} of one node of a network sharing one Redis: this node's connections in
 * memory, everything the network shares in Redis (see the package documentation).
 *
 * <p>Receipts count nodes, not connections: a publish or private message reports how many nodes
 * received it, since other nodes deliver after the call returns.
 */
public final class RedisCometEngine implements CometEngine {

    private static final Logger log = LoggerFactory.getLogger(RedisCometEngine.class);
    private static final String WEB_PREFIX = "web";

    private final Tenants tenants;
    private final EngineLimits limits;
    private final LongSupplier now;
    private final String node = UUID.randomUUID().toString().substring(0, 13);
    private final RedisLink redis;
    private final RedisKeys keys;
    private final ChannelSubscriptions channels;
    private final PipeHistory history;
    private final PipeMembers members;
    private final NodeLiveness liveness;
    private final NetworkPresence presence;
    private final PrivateDelivery privateDelivery;
    private final Map<String, NodeConnections> states = new ConcurrentHashMap<>();
    private final AtomicLong sessionIds = new AtomicLong();
    private final ReentrantLock[] userLocks = new ReentrantLock[256];
    private final AtomicBoolean redisUp = new AtomicBoolean(true);

    /** @throws org.spectrumcomet.comet.store.CometStoreException when Redis cannot be reached */
    public RedisCometEngine(Tenants tenants, RedisSettings settings, EngineLimits limits, Clock clock) {
        this.tenants = tenants;
        this.limits = limits;
        this.now = () -> clock.instant().getEpochSecond();
        this.redis = RedisLink.connect(settings);
        try {
            this.keys = new RedisKeys(settings.keyPrefix());
            this.channels = new ChannelSubscriptions(redis.pubSub());
            this.history = new PipeHistory(redis, keys);
            this.members = new PipeMembers(redis, keys, node);
            this.liveness = new NodeLiveness(redis, keys, node, now, settings.presenceTimeout(), this::announceAgain);
            this.presence = new NetworkPresence(redis, keys, node, now);
            this.privateDelivery = new PrivateDelivery(redis, keys, node, now, limits.maxQueuedPerUser());
        } catch (RuntimeException e) {
            redis.close();
            throw e;
        }
        for (int i = 0; i < userLocks.length; i++) {
            userLocks[i] = new ReentrantLock();
        }
        redis.watch(this::redisAvailable);
        log.info("node {}: engine on {} (key prefix '{}')", node, settings, settings.keyPrefix());
    }

    /** This node's id, as written in Redis. */
    public String node() {
        return node;
    }

    private NodeConnections state(String tenant) {
        return states.computeIfAbsent(tenant, t -> new NodeConnections());
    }

    private ReentrantLock lockOf(String tenant, long userId) {
        int hash = 31 * tenant.hashCode() + Long.hashCode(userId);
        return userLocks[Math.floorMod(hash ^ (hash >>> 16), userLocks.length)];
    }

    @Override
    public Tenants tenants() {
        return tenants;
    }

    // ---- pipes ----

    @Override
    public PublishReceipt publish(String tenant, String pipe, String event, String text, long senderUserId,
                                  Session exceptSession) {
        long time = now.getAsLong();
        String id = UUID.randomUUID().toString();
        // CometQL publishes carry no user_id on the wire; browser (web_) publishes always do.
        long frameUser = senderUserId > 0 || pipe.startsWith(WEB_PREFIX) ? senderUserId : -1;
        String envelope = EnvelopeCodec.encode(Envelope.frame(node, exceptSession == null ? -1 : exceptSession.id(),
                new CometEvent(pipe, event, text, time, frameUser, false)));
        PipeHistory.Published published = history.publish(tenant,
                new PipeMessage(id, time, pipe, event, text, senderUserId), envelope);
        log.debug("tenant {} pipe {} event {}: reached {} nodes, kept {}", tenant, pipe, event,
                published.receivers(), published.kept());
        return new PublishReceipt(published.kept() ? id : "", (int) published.receivers());
    }

    private void deliverToPipe(String tenant, String pipe, Envelope envelope) {
        if (envelope.frame() == null) {
            return;
        }
        for (Session s : state(tenant).subscribers(pipe)) {
            if (!envelope.excludes(node, s.id())) {
                s.connection().deliver(envelope.frame());
            }
        }
    }

    @Override
    public List<PipeMessage> history(String tenant, String pipe, int limit) {
        return history.history(tenant, pipe, Math.min(limit, Names.MAX_HISTORY_LENGTH));
    }

    @Override
    public void clearHistory(String tenant, String pipe) {
        history.clear(tenant, pipe);
    }

    @Override
    public boolean deleteHistoryMessage(String tenant, String pipe, String messageId) {
        return history.delete(tenant, pipe, messageId);
    }

    @Override
    public boolean deleteHistoryMessage(String tenant, String messageId) {
        return history.delete(tenant, messageId);
    }

    @Override
    public void setHistoryLength(String tenant, String pipe, int length) {
        if (length < 0 || length > Names.MAX_HISTORY_LENGTH) {
            throw new IllegalArgumentException("history length must be 0.." + Names.MAX_HISTORY_LENGTH
                    + ", got " + length);
        }
        history.setLength(tenant, pipe, length);
        log.info("tenant {} pipe {}: history length {}", tenant, pipe, length);
    }

    @Override
    public OptionalInt historyLength(String tenant, String pipe) {
        return history.length(tenant, pipe);
    }

    @Override
    public void deletePipeSettings(String tenant, String pipe) {
        history.setLength(tenant, pipe, -1);
        log.info("tenant {} pipe {}: settings and history deleted", tenant, pipe);
    }

    @Override
    public int subscriberCount(String tenant, String pipe) {
        return members.list(tenant, pipe).size();
    }

    @Override
    public List<SubscriberInfo> subscribers(String tenant, String pipe) {
        return members.list(tenant, pipe);
    }

    // ---- users ----

    @Override
    public void setUserKey(String tenant, long userId, String key) {
        redis.await(redis.commands().hset(keys.userKeys(tenant), Long.toString(userId), key), "key of user " + userId);
        log.info("tenant {} user {}: key stored", tenant, userId);
    }

    @Override
    public Optional<String> userKey(String tenant, long userId) {
        return Optional.ofNullable(redis.await(redis.commands().hget(keys.userKeys(tenant), Long.toString(userId)),
                "key of user " + userId));
    }

    /** Closes the user's connections here at once, and on other nodes through the user's channel. */
    @Override
    public void deleteUserKey(String tenant, long userId) {
        redis.await(redis.commands().hdel(keys.userKeys(tenant), Long.toString(userId)), "key of user " + userId);
        List<Session> closed = state(tenant).reachable(userId, Integer.MAX_VALUE);
        closed.forEach(this::detach);
        closed.forEach(s -> s.connection().close("user key deleted"));
        redis.await(redis.commands().publish(keys.userChannel(tenant, userId),
                EnvelopeCodec.encode(Envelope.close(node))), "closing user " + userId);
        log.info("tenant {} user {}: key deleted, {} connections closed here", tenant, userId, closed.size());
    }

    @Override
    public PrivateReceipt sendToUser(String tenant, long userId, String event, String text) {
        return privateDelivery.send(tenant, userId, event, text);
    }

    /** A private message or command from the user's channel; runs on Lettuce's event loop. */
    private void onUserChannel(String tenant, long userId, Envelope envelope) {
        List<Session> sessions = state(tenant).reachable(userId, Names.MAX_DEVICES_PER_USER);
        if (Envelope.CLOSE.equals(envelope.kind())) {
            if (!envelope.node().equals(node)) {
                // The protocol layer detaches each closed connection from its own executor.
                state(tenant).reachable(userId, Integer.MAX_VALUE).forEach(s -> s.connection().close("user key deleted"));
            }
            return;
        }
        int delivered = 0;
        for (Session s : sessions) {
            if (s.connection().deliver(envelope.frame())) {
                delivered++;
            }
        }
        if (delivered == 0) {
            log.warn("tenant {} user {}: private event {} reached this node after its connections left",
                    tenant, userId, envelope.frame().event());
        }
    }

    @Override
    public List<QueuedMessage> queue(String tenant, long userId) {
        return privateDelivery.queue(tenant, userId);
    }

    @Override
    public void clearQueue(String tenant, long userId) {
        privateDelivery.clear(tenant, userId);
        log.info("tenant {} user {}: queue cleared", tenant, userId);
    }

    @Override
    public long lastOnline(String tenant, long userId) {
        return presence.lastOnline(tenant, userId);
    }

    // ---- connections ----

    @Override
    public Session attach(String tenant, long userId, ClientConnection connection) {
        NodeConnections state = state(tenant);
        Session session = new Session(sessionIds.incrementAndGet(), tenant, userId, connection);
        state.register(session);
        if (session.authorized()) {
            ReentrantLock lock = lockOf(tenant, userId);
            lock.lock();
            try {
                if (state.addUser(session) == 1) {
                    // Subscribe before joining the user's node set: see PrivateDelivery.
                    redis.await(channels.acquire(keys.userChannel(tenant, userId),
                            e -> onUserChannel(tenant, userId, e)), "channel of user " + userId);
                    if (presence.join(tenant, userId)) {
                        log.info("tenant {} user {} online", tenant, userId);
                    }
                }
                replayQueue(state, session);
            } finally {
                lock.unlock();
            }
        }
        log.debug("tenant {} user {}: session {} attached on node {}", tenant, userId, session.id(), node);
        return session;
    }

    /** Caller holds the user's lock. */
    private void replayQueue(NodeConnections state, Session session) {
        if (!state.reachable(session.userId(), Names.MAX_DEVICES_PER_USER).contains(session)) {
            return;
        }
        int replayed = 0;
        for (QueuedMessage m; (m = privateDelivery.pop(session.tenant(), session.userId())) != null; replayed++) {
            if (!session.connection().deliver(PrivateDelivery.frameOf(m))) {
                privateDelivery.pushBack(session.tenant(), m);
                break;
            }
        }
        if (replayed > 0) {
            log.info("tenant {} user {}: {} queued messages delivered", session.tenant(), session.userId(), replayed);
        }
    }

    @Override
    public void subscribe(Session session, List<String> pipes) {
        String tenant = session.tenant();
        NodeConnections.Change change = state(tenant).replace(session, pipes, limits.maxPipesPerSession());
        List<CompletionStage<Void>> subscribed = new ArrayList<>();
        for (String pipe : change.left()) {
            left(session, pipe);
        }
        for (String pipe : change.joined()) {
            subscribed.add(channels.acquire(keys.pipeChannel(tenant, pipe), e -> deliverToPipe(tenant, pipe, e)));
            members.add(pipe, session);
            announce(session, pipe, "subscription");
        }
        // Return once Redis confirmed: a publish after this call reaches the session.
        subscribed.forEach(s -> redis.await(s, "subscribing " + session.tenant() + "/" + session.userId()));
    }

    private void left(Session session, String pipe) {
        channels.release(keys.pipeChannel(session.tenant(), pipe));
        members.remove(pipe, session);
        announce(session, pipe, "unsubscription");
    }

    /** track_ pipes: the other subscribers on every node hear who came and went (CppComet §I.4.6). */
    private void announce(Session session, String pipe, String event) {
        if (!pipe.startsWith("track_")) {
            return;
        }
        Map<String, Object> who = new java.util.LinkedHashMap<>();
        who.put("user_id", session.userId());
        who.put("uuid", session.connection().uuid());
        String envelope = EnvelopeCodec.encode(Envelope.frame(node, session.id(),
                new CometEvent(pipe, event, who, now.getAsLong(), -1, false)));
        redis.commands().publish(keys.pipeChannel(session.tenant(), pipe), envelope).exceptionally(e -> {
            log.warn("tenant {} pipe {}: {} of user {} not announced: {}", session.tenant(), pipe, event,
                    session.userId(), e.toString());
            return null;
        });
    }

    @Override
    public void detach(Session session) {
        NodeConnections state = state(session.tenant());
        if (!session.authorized()) {
            unregister(state, session);
            return;
        }
        ReentrantLock lock = lockOf(session.tenant(), session.userId());
        lock.lock();
        try {
            if (!unregister(state, session)) {
                return;
            }
            if (state.removeUser(session) == 0) {
                if (presence.leave(session.tenant(), session.userId())) {
                    log.info("tenant {} user {} offline", session.tenant(), session.userId());
                }
                channels.release(keys.userChannel(session.tenant(), session.userId()));
            }
        } finally {
            lock.unlock();
        }
    }

    private boolean unregister(NodeConnections state, Session session) {
        List<String> pipes = state.unregister(session);
        if (pipes == null) {
            return false;
        }
        pipes.forEach(pipe -> left(session, pipe));
        return true;
    }

    /**
     * Redis went away or came back (Lettuce's thread, must not block). When it goes, every
     * connection of this node gets a {@code sys} error frame: nothing published elsewhere reaches
     * it and its own publishes fail until Redis is back, which Lettuce retries by itself.
     */
    private void redisAvailable(boolean up) {
        if (up) {
            if (redisUp.compareAndSet(false, true)) {
                log.info("node {}: Redis reachable again", node);
            }
            return;
        }
        if (!redisUp.compareAndSet(true, false)) {
            return;
        }
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("code", "503");
        data.put("error", "The comet network's Redis is unreachable: messages are not delivered until it returns");
        CometEvent notice = new CometEvent("sys", "error", java.util.Collections.unmodifiableMap(data),
                now.getAsLong(), -1, false);
        int told = 0;
        for (NodeConnections state : states.values()) {
            for (Session session : state.snapshot().keySet()) {
                session.connection().deliver(notice);
                told++;
            }
        }
        log.warn("node {}: Redis unreachable, {} connections told", node, told);
    }

    /**
     * After this node's liveness lapsed: joins its users' node sets again (an {@code online} event
     * for each user the others had swept offline) and writes its pipe memberships again. Runs on
     * the liveness timer; a failure waits for the next lapse.
     */
    private void announceAgain() {
        try {
            states.forEach((tenant, state) -> {
                for (long userId : state.onlineUsers()) {
                    ReentrantLock lock = lockOf(tenant, userId);
                    lock.lock();
                    try {
                        if (!state.reachable(userId, 1).isEmpty()) {
                            presence.join(tenant, userId);
                        }
                    } finally {
                        lock.unlock();
                    }
                }
                state.snapshot().forEach((session, pipes) -> pipes.forEach(pipe -> members.add(pipe, session)));
            });
            log.info("node {}: users and subscriptions announced again", node);
        } catch (RuntimeException e) {
            log.warn("node {}: announcing again failed: {}", node, e.getMessage());
        }
    }

    /** Takes this node's users offline (events, last seen), then removes the node's liveness key. */
    @Override
    public void close() {
        states.forEach((tenant, state) -> {
            for (long userId : state.onlineUsers()) {
                try {
                    presence.leave(tenant, userId);
                } catch (RuntimeException e) {
                    log.warn("tenant {} user {}: offline not recorded: {}", tenant, userId, e.getMessage());
                }
            }
        });
        liveness.close();
        redis.close();
        log.info("node {}: engine closed", node);
    }
}

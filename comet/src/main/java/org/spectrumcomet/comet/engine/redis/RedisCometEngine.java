package org.spectrumcomet.comet.engine.redis;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectrumcomet.comet.engine.ClientConnection;
import org.spectrumcomet.comet.engine.CometEngine;
import org.spectrumcomet.comet.engine.EngineVitals;
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
 * <p>A publish receipt counts the pipe's connections on live nodes when Redis ran the publish
 * (other nodes deliver after the call returns, so a connection leaving meanwhile is counted); a
 * private-message receipt counts the connections chosen on any node (up to 16).
 */
public final class RedisCometEngine implements CometEngine {

    private static final Logger log = LoggerFactory.getLogger(RedisCometEngine.class);
    private static final String WEB_PREFIX = "web";

    private final Tenants tenants;
    private final EngineLimits limits;
    private final LongSupplier now;
    private final NodeState state = new NodeState(UUID.randomUUID().toString().substring(0, 13));
    private final String node = state.node();
    private final RedisLink redis;
    private final RedisKeys keys;
    private final ChannelSubscriptions channels;
    private final PipeReplay replay;
    private final PipeHistory history;
    private final PipeMembers members;
    private final NodePipes pipes;
    private final NodeUsers users;
    private final NodeLiveness liveness;
    private final NetworkPresence presence;
    private final PrivateDelivery privateDelivery;
    private final QueueCensus census;
    private final AtomicLong sessionIds = new AtomicLong();
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
            this.replay = new PipeReplay(redis, keys, settings.replayMessages(), settings.replayAge());
            this.history = new PipeHistory(redis, keys, replay);
            this.members = new PipeMembers(redis, keys, node);
            this.pipes = new NodePipes(redis, keys, channels, members, state, now, replay);
            this.presence = new NetworkPresence(redis, keys, node, now);
            this.privateDelivery = new PrivateDelivery(redis, keys, node, now, limits.maxQueuedPerUser());
            this.users = new NodeUsers(redis, keys, channels, presence, privateDelivery,
                    new UserDevices(redis, keys, node), state);
            this.census = new QueueCensus(redis, keys);
            this.liveness = new NodeLiveness(redis, keys, node, now, settings.presenceTimeout(), this::announceAgain);
        } catch (RuntimeException e) {
            redis.close();
            throw e;
        }
        redis.watch(this::redisAvailable);
        log.info("node {}: engine on {} (key prefix '{}', pipe replay {} messages / {} s)", node, settings,
                settings.keyPrefix(), settings.replayMessages(), settings.replayAge().toSeconds());
    }

    /** This node's id, as written in Redis. */
    public String node() {
        return node;
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
                new PipeMessage(id, time, pipe, event, text, senderUserId), envelope,
                exceptSession == null ? "" : node + "/" + exceptSession.id());
        log.debug("tenant {} pipe {} event {}: reached {} nodes, {} connections, kept {}", tenant, pipe, event,
                published.receivers(), published.connections(), published.kept());
        return new PublishReceipt(published.kept() ? id : "", (int) published.connections());
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
        Names.checkHistoryLength(length);
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
        List<Session> closed = users.sessionsOf(tenant, userId);
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
        Session session = new Session(sessionIds.incrementAndGet(), tenant, userId, connection);
        state.of(tenant).register(session);
        if (session.authorized()) {
            try {
                users.attached(session);
            } catch (RuntimeException e) {
                state.of(tenant).unregister(session);
                throw e;
            }
        }
        log.debug("tenant {} user {}: session {} attached on node {}", tenant, userId, session.id(), node);
        return session;
    }

    @Override
    public void subscribe(Session session, List<String> pipeNames) {
        pipes.subscribe(session, pipeNames, limits.maxPipesPerSession());
    }

    @Override
    public void detach(Session session) {
        if (pipes.leaveAll(session) && session.authorized()) {
            users.detached(session);
        }
    }

    /**
     * One of the node's Redis connections went away or came back (Lettuce's thread, must not
     * block). When it comes back, the node's channels are subscribed again (one SUBSCRIBE may have
     * been refused) and every pipe feed reads back what it missed. When the command connection
     * goes, Redis is unreachable for this node: every connection gets a {@code sys} error frame
     * (503) once per outage. When only the pub/sub connection goes (e.g. {@code CLIENT KILL TYPE
     * pubsub}, an output-buffer limit) a PING on the command connection tells the two cases apart.
     */
    private void redisAvailable(RedisLink.Connection which, boolean up) {
        if (up) {
            // Either connection came back: subscribe again and read back what the pipes missed
            // (a pub/sub reconnect alone leaves the command connection, and redisUp, untouched).
            channels.resubscribeAll();
            if (which == RedisLink.Connection.COMMANDS && redisUp.compareAndSet(false, true)) {
                log.info("node {}: Redis reachable again", node);
            }
            return;
        }
        if (which == RedisLink.Connection.COMMANDS) {
            tellUnreachable();
            return;
        }
        redis.commandsAnswer().thenAccept(answered -> {
            if (answered) {
                tellPubSubDropped();
            } else {
                tellUnreachable();
            }
        });
    }

    private void tellUnreachable() {
        if (!redisUp.compareAndSet(true, false)) {
            return;
        }
        int told = state.tellEveryone(OutageNotice.unreachable(now.getAsLong()));
        log.warn("node {}: Redis unreachable, {} connections told", node, told);
    }

    /** Once per drop: Lettuce reports each drop of the pub/sub connection once. */
    private void tellPubSubDropped() {
        int told = state.tellEveryone(OutageNotice.pubSubDropped(now.getAsLong(), replay));
        log.warn("node {}: pub/sub connection to Redis dropped (commands still answer), {} connections told",
                node, told);
    }

    /**
     * After this node's liveness lapsed (Redis restarted empty, or away longer than the presence
     * timeout): joins its users' node sets again and writes its pipe members again. Runs on the
     * liveness timer; a failure waits for the next lapse.
     */
    private void announceAgain() {
        try {
            channels.resubscribeAll();
            users.announceAgain();
            pipes.announceAgain();
            log.info("node {}: users and subscriptions announced again", node);
        } catch (RuntimeException e) {
            log.warn("node {}: announcing again failed: {}", node, e.getMessage());
        }
    }

    @Override
    public EngineVitals vitals() {
        return new EngineVitals() {
            @Override
            public long subscriptions() {
                long[] total = {0};
                state.forEach((tenant, connections) -> total[0] += connections.subscriptionCount());
                return total[0];
            }

            @Override
            public long pipesWithSubscribers() {
                long[] total = {0};
                state.forEach((tenant, connections) -> total[0] += connections.pipeCount());
                return total[0];
            }

            @Override
            public long queuedPrivateMessages() {
                return census.count();
            }

            /** PING on the command connection, within the command timeout. */
            @Override
            public void checkStore() {
                redis.await(redis.commands().ping(), "health check (PING)");
            }
        };
    }

    /** Takes this node's users offline (events, last seen), then removes the node from Redis. */
    @Override
    public void close() {
        users.leaveAll();
        users.close();
        liveness.close();
        redis.close();
        log.info("node {}: engine closed", node);
    }
}

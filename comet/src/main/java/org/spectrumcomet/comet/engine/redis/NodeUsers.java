package org.spectrumcomet.comet.engine.redis;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectrumcomet.comet.engine.Names;
import org.spectrumcomet.comet.engine.QueuedMessage;
import org.spectrumcomet.comet.engine.Session;

/**
 * This node's authorised users: the first connection of a user on the node subscribes the user's
 * channel and joins the user's node set (online in the network if no other node had them); every
 * connection is listed among the user's devices ({@link UserDevices}) and gets the queue replayed;
 * the last one leaves. Runs under a per-user lock (striped),
 * so that a user's connects and disconnects on this node happen one at a time.
 */
final class NodeUsers {

    private static final Logger log = LoggerFactory.getLogger(NodeUsers.class);
    private static final int STRIPES = 256;

    private final RedisLink redis;
    private final RedisKeys keys;
    private final ChannelSubscriptions channels;
    private final NetworkPresence presence;
    private final PrivateDelivery privateDelivery;
    private final UserDevices devices;
    private final NodeState state;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];
    private final QueueCatchUp queueCatchUp = new QueueCatchUp(this::deliverQueues);

    NodeUsers(RedisLink redis, RedisKeys keys, ChannelSubscriptions channels, NetworkPresence presence,
              PrivateDelivery privateDelivery, UserDevices devices, NodeState state) {
        this.redis = redis;
        this.keys = keys;
        this.channels = channels;
        this.presence = presence;
        this.privateDelivery = privateDelivery;
        this.devices = devices;
        this.state = state;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    private ReentrantLock lockOf(String tenant, long userId) {
        int hash = 31 * tenant.hashCode() + Long.hashCode(userId);
        return locks[Math.floorMod(hash ^ (hash >>> 16), STRIPES)];
    }

    /**
     * An authorised session attached. If Redis fails, the session is left as it was before (not a
     * user connection of this node) and the store error is thrown.
     */
    void attached(Session session) {
        String tenant = session.tenant();
        long userId = session.userId();
        NodeConnections connections = state.of(tenant);
        ReentrantLock lock = lockOf(tenant, userId);
        lock.lock();
        try {
            int count = connections.addUser(session);
            try {
                if (count == 1) {
                    // Subscribe, then list the connection, then join the user's node set: see PrivateDelivery.
                    redis.await(channels.acquire(keys.userChannel(tenant, userId), userChannel(tenant, userId)),
                            "channel of user " + userId);
                }
                devices.add(session);
                if (count == 1 && presence.join(tenant, userId)) {
                    log.info("tenant {} user {} online", tenant, userId);
                }
            } catch (RuntimeException e) {
                connections.removeUser(session);
                forget(session);
                if (count == 1) {
                    channels.release(keys.userChannel(tenant, userId));
                }
                throw e;
            }
            replayQueue(connections, session);
        } finally {
            lock.unlock();
        }
    }

    /** Removes the connection from the user's list; a failure is logged (a dead node's entries are dropped anyway). */
    private void forget(Session session) {
        try {
            devices.remove(session);
        } catch (RuntimeException e) {
            log.warn("tenant {} user {}: connection {} not unlisted: {}", session.tenant(), session.userId(),
                    session.id(), e.getMessage());
        }
    }

    /** Caller holds the user's lock. What the connection refuses stays queued, in order. */
    private void replayQueue(NodeConnections connections, Session session) {
        if (!connections.reachable(session.userId(), Names.MAX_DEVICES_PER_USER).contains(session)) {
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

    /** An authorised session, already out of its pipes, detached. */
    void detached(Session session) {
        String tenant = session.tenant();
        long userId = session.userId();
        ReentrantLock lock = lockOf(tenant, userId);
        lock.lock();
        try {
            int remaining = state.of(tenant).removeUser(session);
            if (remaining >= 0) {
                forget(session);
            }
            if (remaining == 0) {
                try {
                    // Leave the node set first: from then on messages are queued, not published to us.
                    if (presence.leave(tenant, userId)) {
                        log.info("tenant {} user {} offline", tenant, userId);
                    }
                } finally {
                    channels.release(keys.userChannel(tenant, userId));
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private ChannelSubscriptions.Listener userChannel(String tenant, long userId) {
        return new ChannelSubscriptions.Listener() {
            @Override
            public void accept(Envelope envelope) {
                onUserChannel(tenant, userId, envelope);
            }

            @Override
            public void reconnected() {
                queueCatchUp.request();
            }
        };
    }

    /**
     * Every connected user's queue, to their oldest reachable connection here (after the pub/sub
     * connection came back: what was queued meanwhile). LPOP hands each message to one node only.
     * Runs on {@link QueueCatchUp}'s thread; a Redis failure is logged and left to the next reconnect.
     */
    private void deliverQueues() {
        state.forEach((tenant, connections) -> {
            for (long userId : connections.onlineUsers()) {
                ReentrantLock lock = lockOf(tenant, userId);
                lock.lock();
                try {
                    List<Session> sessions = connections.reachable(userId, Names.MAX_DEVICES_PER_USER);
                    if (!sessions.isEmpty()) {
                        replayQueue(connections, sessions.get(0));
                    }
                } catch (RuntimeException e) {
                    log.warn("tenant {} user {}: queue not delivered after the pub/sub reconnect: {}", tenant, userId,
                            e.getMessage());
                } finally {
                    lock.unlock();
                }
            }
        });
    }

    /** Stops the queue catch-up thread (engine close). */
    void close() {
        queueCatchUp.close();
    }

    /** A private message or command from the user's channel; runs on Lettuce's event loop. */
    private void onUserChannel(String tenant, long userId, Envelope envelope) {
        if (Envelope.CLOSE.equals(envelope.kind())) {
            if (!envelope.node().equals(state.node())) {
                // The protocol layer detaches each closed connection from its own executor.
                state.of(tenant).reachable(userId, Integer.MAX_VALUE).forEach(s -> s.connection().close("user key deleted"));
            }
            return;
        }
        int delivered = 0;
        for (Session s : state.of(tenant).reachable(userId, Integer.MAX_VALUE)) {
            if (envelope.chose(state.node(), s.id()) && s.connection().deliver(envelope.frame())) {
                delivered++;
            }
        }
        String mine = state.node() + "/";
        if (delivered == 0 && envelope.recipients() != null
                && envelope.recipients().stream().anyMatch(d -> d.startsWith(mine))) {
            // Chosen for connections here that left (or refused it) meanwhile: never dropped.
            log.info("tenant {} user {}: private event {} reached this node after its connections left, resending",
                    tenant, userId, envelope.frame().event());
            privateDelivery.resend(tenant, userId, envelope);
        }
    }

    /** The user's connections on this node, for closing them. */
    List<Session> sessionsOf(String tenant, long userId) {
        return state.of(tenant).reachable(userId, Integer.MAX_VALUE);
    }

    /** Joins every user's node set again (after this node's liveness lapsed). */
    void announceAgain() {
        state.forEach((tenant, connections) -> {
            for (long userId : connections.onlineUsers()) {
                ReentrantLock lock = lockOf(tenant, userId);
                lock.lock();
                try {
                    List<Session> sessions = connections.reachable(userId, Integer.MAX_VALUE);
                    sessions.forEach(devices::add);
                    if (!sessions.isEmpty()) {
                        presence.join(tenant, userId);
                    }
                } finally {
                    lock.unlock();
                }
            }
        });
    }

    /** Leaves every user's node set (clean stop): offline events and last-seen times where due. */
    void leaveAll() {
        state.forEach((tenant, connections) -> {
            for (long userId : connections.onlineUsers()) {
                try {
                    presence.leave(tenant, userId);
                } catch (RuntimeException e) {
                    log.warn("tenant {} user {}: offline not recorded: {}", tenant, userId, e.getMessage());
                }
            }
        });
    }
}

package org.spectrumcomet.comet.engine.redis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectrumcomet.comet.engine.CometEvent;
import org.spectrumcomet.comet.engine.Session;

/**
 * This node's side of pipe membership: a session joining a pipe takes a count on the pipe's
 * channel and writes its member entry; the pipe's messages from any node are handed to the
 * node's subscribers. {@code track_} pipes announce joins and leaves to the other subscribers on
 * every node (CppComet §I.4.6).
 */
final class NodePipes {

    private static final Logger log = LoggerFactory.getLogger(NodePipes.class);
    static final String TRACK_PREFIX = "track_";

    private final RedisLink redis;
    private final RedisKeys keys;
    private final ChannelSubscriptions channels;
    private final PipeMembers members;
    private final NodeState state;
    private final LongSupplier now;
    private final PipeReplay replay;

    NodePipes(RedisLink redis, RedisKeys keys, ChannelSubscriptions channels, PipeMembers members, NodeState state,
              LongSupplier now, PipeReplay replay) {
        this.redis = redis;
        this.replay = replay;
        this.keys = keys;
        this.channels = channels;
        this.members = members;
        this.state = state;
        this.now = now;
    }

    /** Replaces the session's pipes; returns once Redis confirmed the new channels, so later publishes reach it. */
    void subscribe(Session session, List<String> pipes, int max) {
        String tenant = session.tenant();
        // Each pipe's number, read before anything changes (Redis away: nothing changed) and before
        // SUBSCRIBE: a feed starting there misses nothing published after.
        Map<String, CompletionStage<Long>> reading = new HashMap<>();
        pipes.stream().distinct().limit(max).forEach(pipe -> reading.computeIfAbsent(pipe, p -> replay.current(tenant, p)));
        Map<String, Long> starts = new HashMap<>();
        reading.forEach((pipe, n) -> starts.put(pipe, redis.await(n, "numbering of pipe " + pipe)));
        NodeConnections.Change change = state.of(tenant).replace(session, pipes, max);
        change.left().forEach(pipe -> left(session, pipe));
        List<CompletionStage<Void>> subscribed = new ArrayList<>();
        for (String pipe : change.joined()) {
            long start = starts.get(pipe);
            subscribed.add(channels.acquire(keys.pipeChannel(tenant, pipe), feed(tenant, pipe, start)));
            members.add(pipe, session);
            announce(session, pipe, "subscription");
        }
        subscribed.forEach(s -> redis.await(s, "subscribing " + tenant + "/" + session.userId()));
    }

    /** Leaves every pipe of the session; false when it was not (or no longer) registered. */
    boolean leaveAll(Session session) {
        List<String> pipes = state.of(session.tenant()).unregister(session);
        if (pipes == null) {
            return false;
        }
        pipes.forEach(pipe -> left(session, pipe));
        return true;
    }

    private void left(Session session, String pipe) {
        channels.release(keys.pipeChannel(session.tenant(), pipe));
        members.remove(pipe, session);
        announce(session, pipe, "unsubscription");
    }

    private PipeFeed feed(String tenant, String pipe, long start) {
        return new PipeFeed("tenant " + tenant + " pipe " + pipe + " on node " + state.node(), start,
                new PipeFeed.Receiver() {
                    @Override
                    public void deliver(Envelope envelope) {
                        NodePipes.this.deliver(tenant, pipe, envelope);
                    }

                    @Override
                    public void lost(long count) {
                        Map<String, Object> data = new LinkedHashMap<>();
                        data.put("code", "410");
                        data.put("error", count + " messages of pipe " + pipe
                                + " were lost: this node was away from Redis longer than they are kept");
                        CometEvent notice = new CometEvent("sys", "error", Collections.unmodifiableMap(data),
                                now.getAsLong(), -1, false);
                        state.of(tenant).subscribers(pipe).forEach(s -> s.connection().deliver(notice));
                    }
                }, after -> replay.after(tenant, pipe, after), replay.batch());
    }

    /** Runs on Lettuce's event loops (through the pipe's feed): hands the frame on, never blocks. */
    private void deliver(String tenant, String pipe, Envelope envelope) {
        if (envelope.frame() == null) {
            return;
        }
        // Timed from its arrival here: the publishing node's clock is not this one's.
        long accepted = System.nanoTime();
        for (Session s : state.of(tenant).subscribers(pipe)) {
            if (!envelope.excludes(state.node(), s.id())) {
                s.connection().deliver(envelope.frame(), accepted);
            }
        }
    }

    private void announce(Session session, String pipe, String event) {
        if (!pipe.startsWith(TRACK_PREFIX)) {
            return;
        }
        Map<String, Object> who = new LinkedHashMap<>();
        who.put("user_id", session.userId());
        who.put("uuid", session.connection().uuid());
        String envelope = EnvelopeCodec.encode(Envelope.frame(state.node(), session.id(),
                new CometEvent(pipe, event, Collections.unmodifiableMap(who), now.getAsLong(), -1, false)));
        replay.publish(session.tenant(), pipe, envelope).exceptionally(e -> {
            log.warn("tenant {} pipe {}: {} of user {} not announced: {}", session.tenant(), pipe, event,
                    session.userId(), e.toString());
            return null;
        });
    }

    /** Writes every member entry of this node again (after Redis lost them). */
    void announceAgain() {
        state.forEach((tenant, connections) ->
                connections.snapshot().forEach((session, pipes) -> pipes.forEach(pipe -> members.add(pipe, session))));
    }
}

package org.spectrumcomet.bridge.session;

import io.netty.channel.EventLoopGroup;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectrumcomet.bridge.comet.CometBody;
import org.spectrumcomet.bridge.comet.CometEndpoint;
import org.spectrumcomet.bridge.comet.CometEvent;
import org.spectrumcomet.bridge.comet.CometRoute;
import org.spectrumcomet.bridge.comet.CometSocket;
import org.spectrumcomet.bridge.comet.CometSocketListener;
import org.spectrumcomet.bridge.comet.LoginResult;
import org.spectrumcomet.bridge.comet.UserPresence;
import org.spectrumcomet.bridge.nodes.CometNodes;
import org.spectrumcomet.bridge.nodes.NodeProbe;
import org.spectrumcomet.bridge.nodes.NodeStatements;
import org.spectrumcomet.bridge.nodes.UserRoute;

/**
 * {@link CometNetwork} on the real comet client: {@link org.spectrumcomet.bridge.comet.CometQlClient} for statements (its own
 * bounded pool and executor, one per comet node) and one {@link CometSocket} per user on the
 * process's event loops. Over several nodes ({@code org.spectrumcomet.bridge.nodes}) a user's socket
 * follows its {@link UserRoute} and statements go through {@link NodeStatements}: private messages
 * and presence keyed by the user, pipe statements by the pipe.
 * A name the client refuses ({@link org.spectrumcomet.bridge.comet.CometNameException}) becomes a
 * failed future, never an exception in the caller.
 */
public final class CometClientNetwork implements CometNetwork, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CometClientNetwork.class);

    private final CometEndpoint endpoint;
    private final CometNodes nodes;
    private final NodeStatements cometql;
    private final NodeProbe probe;
    private final EventLoopGroup loops;
    private final Executor listeners;

    /**
     * @param loops     NIO event loops for the sockets (the backend's shared group)
     * @param listeners where socket events are handed to sessions (they only enqueue work)
     */
    public CometClientNetwork(CometEndpoint endpoint, EventLoopGroup loops, Executor listeners) {
        this(List.of(endpoint), loops, listeners);
    }

    /**
     * Over several comet nodes of one network (the first gives timeouts and bounds for all); down
     * nodes are probed every {@value #PROBE_SECONDS} s.
     */
    public CometClientNetwork(List<CometEndpoint> endpoints, EventLoopGroup loops, Executor listeners) {
        this.endpoint = endpoints.get(0);
        this.nodes = new CometNodes(endpoints);
        this.cometql = new NodeStatements(nodes);
        this.probe = NodeProbe.start(nodes, loops, Duration.ofSeconds(PROBE_SECONDS), endpoint.connectTimeout());
        this.loops = loops;
        this.listeners = listeners;
    }

    /** How often a node marked down is probed (a TCP connect to its WebSocket port). */
    public static final int PROBE_SECONDS = 1;

    /** The nodes and their liveness as this bridge sees them. */
    public CometNodes nodes() {
        return nodes;
    }

    @Override
    public CometUserLink open(long userId, String key, CometLinkListener listener) {
        try {
            CometRoute route = nodes.size() == 1 ? CometRoute.fixed(endpoint) : new UserRoute(nodes, userId);
            return new SocketLink(CometSocket.open(endpoint, route, loops, userId, key, new Events(userId, listener),
                    listeners));
        } catch (RuntimeException e) {
            return new FailedLink(e);
        }
    }

    @Override
    public CompletableFuture<Void> sendPrivate(long userId, String event, CometBody body) {
        return guarded(() -> cometql.run(userId, "private message to user " + userId, true,
                c -> c.sendPrivate(userId, event, body)));
    }

    @Override
    public CompletableFuture<Void> publish(String pipe, String event, CometBody body) {
        return guarded(() -> cometql.run(CometNodes.keyOf(pipe), "publish to pipe " + pipe, true,
                c -> c.publish(pipe, event, body)));
    }

    @Override
    public CompletableFuture<Map<Long, Long>> lastOnline(Collection<Long> userIds) {
        long key = userIds.isEmpty() ? 0 : userIds.iterator().next();
        return guarded(() -> cometql.run(key, "users_time of " + userIds.size() + " user(s)", false,
                c -> c.presence(userIds))).thenApply(rows -> {
            Map<Long, Long> times = new LinkedHashMap<>();
            for (UserPresence p : rows.values()) {
                times.put(p.userId(), switch (p.state()) {
                    case ONLINE -> 0L;
                    case OFFLINE -> p.lastSeen();
                    case UNKNOWN -> -1L;
                });
            }
            return times;
        });
    }

    @Override
    public CompletableFuture<List<CometMessage>> history(String pipe) {
        return guarded(() -> cometql.run(CometNodes.keyOf(pipe), "history of pipe " + pipe, false,
                c -> c.history(pipe))).thenApply(rows -> rows.stream()
                .map(h -> new CometMessage(pipe, "undefined".equals(h.event()) ? "" : h.event(), h.message(),
                        h.userId(), h.time(), true))
                .toList());
    }

    @Override
    public CompletableFuture<List<Long>> subscribers(String pipe) {
        return guarded(() -> cometql.run(CometNodes.keyOf(pipe), "subscribers of pipe " + pipe, false,
                c -> c.subscribers(pipe))).thenApply(rows -> rows.stream().map(s -> s.userId()).toList());
    }

    @Override
    public void close() {
        probe.close();
        cometql.close();
    }

    private static <T> CompletableFuture<T> guarded(Supplier<CompletableFuture<T>> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** A socket, with "replace the whole set" on top of the client's add/remove. */
    private static final class SocketLink implements CometUserLink {
        private final CometSocket socket;
        private final CompletableFuture<LinkOpening> opened;
        private Set<String> current = Set.of();

        SocketLink(CometSocket socket) {
            this.socket = socket;
            this.opened = socket.login().thenCompose(SocketLink::opening);
        }

        private static CompletableFuture<LinkOpening> opening(LoginResult result) {
            return switch (result.outcome()) {
                case ACCEPTED -> CompletableFuture.completedFuture(LinkOpening.ACCEPTED);
                case KEY_REJECTED -> CompletableFuture.completedFuture(LinkOpening.REJECTED);
                case UNREACHABLE -> CompletableFuture.failedFuture(new ConnectException(result.detail()));
            };
        }

        @Override
        public CompletableFuture<LinkOpening> opened() {
            return opened;
        }

        @Override
        public void subscribe(Set<String> pipes) {
            Set<String> removed = new HashSet<>(current);
            removed.removeAll(pipes);
            current = Set.copyOf(pipes);
            CompletableFuture<Void> done = removed.isEmpty() ? CompletableFuture.completedFuture(null)
                    : socket.unsubscribe(removed);
            done.thenCompose(v -> socket.subscribe(pipes)).whenComplete((v, e) -> {
                if (e != null) {
                    LOG.warn("comet user {}: subscription to {} refused: {}", socket.userId(), pipes, Failures.reason(e));
                }
            });
        }

        @Override
        public void close() {
            socket.close();
        }
    }

    /** A socket the client refused to open (a bad key or id): fails at once. */
    private record FailedLink(RuntimeException error) implements CometUserLink {
        @Override
        public CompletableFuture<LinkOpening> opened() {
            return CompletableFuture.failedFuture(error);
        }

        @Override
        public void subscribe(Set<String> pipes) {
        }

        @Override
        public void close() {
        }
    }

    /** Socket events in the sessions' words. */
    private record Events(long userId, CometLinkListener listener) implements CometSocketListener {
        @Override
        public void onEvent(CometEvent event) {
            if (event instanceof CometEvent.PrivateMessage p) {
                listener.privateMessage(new CometMessage("msg", p.event(), p.rawData(), 0, p.sentAt(), p.fromQueue()));
            } else if (event instanceof CometEvent.PipeMessage p) {
                listener.pipeMessage(
                        new CometMessage(p.pipe(), p.event(), p.rawData(), p.senderId(), p.sentAt(), p.fromQueue()));
            } else if (event instanceof CometEvent.Presence p) {
                listener.pipeMessage(new CometMessage("user_status_" + p.userId(), p.online() ? "online" : "offline",
                        "", 0, 0, false));
            } else if (event instanceof CometEvent.TrackChange t) {
                listener.tracked(t.pipe(), t.userId(), t.uuid(), t.joined());
            } else if (event instanceof CometEvent.ServerError e) {
                LOG.warn("comet user {}: comet error {}: {}", userId, e.code(), e.message());
            } else {
                LOG.debug("comet user {}: event ignored: {}", userId, event);
            }
        }

        @Override
        public void onLinkLost(String reason) {
            listener.linkLost(reason);
        }

        @Override
        public void onLinkRestored() {
            listener.linkRestored(true);
        }

        @Override
        public void onKeyRejected() {
            listener.linkRestored(false);
        }
    }
}

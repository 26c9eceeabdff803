package org.spectrumcomet.bridge.metrics;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.spectrumcomet.bridge.comet.CometBody;
import org.spectrumcomet.bridge.comet.CometNameException;
import org.spectrumcomet.bridge.comet.CometQlException;
import org.spectrumcomet.bridge.session.CometLinkListener;
import org.spectrumcomet.bridge.session.CometMessage;
import org.spectrumcomet.bridge.session.CometNetwork;
import org.spectrumcomet.bridge.session.CometUserLink;
import org.spectrumcomet.bridge.session.Failures;
import org.spectrumcomet.bridge.session.LinkOpening;

/**
 * A {@link CometNetwork} that watches the one it wraps: every message sent is counted by
 * {@link BridgeMeters} when its statement completes, every CometQL outcome and every socket's
 * life feeds the {@link CometLinkState}. Adds one completion stage per call and nothing else;
 * the sessions see the same futures' results.
 */
public final class MeteredCometNetwork implements CometNetwork {

    /**
     * A socket closed this soon after it was opened, before comet answered, is a logout, not a sign
     * that comet is unreachable; one closed after a longer wait is (comet should answer in
     * milliseconds, and the session gives up only after its login timeout).
     */
    static final Duration QUIET_CLOSE = Duration.ofSeconds(2);

    private final CometNetwork network;
    private final BridgeMeters meters;
    private final CometLinkState link;

    public MeteredCometNetwork(CometNetwork network, BridgeMeters meters, CometLinkState link) {
        this.network = network;
        this.meters = meters;
        this.link = link;
    }

    @Override
    public CometUserLink open(long userId, String key, CometLinkListener listener) {
        CometLinkState.Socket socket = link.socket();
        // Set when the session closes the socket soon after opening it, before comet answered (a
        // logout): the opening then fails with "closed before login finished", which says nothing
        // about comet. A close after a longer wait (the session's login timeout) still counts.
        AtomicBoolean abandoned = new AtomicBoolean();
        long openedAt = System.nanoTime();
        CometUserLink opened = network.open(userId, key, new WatchedListener(listener, socket));
        opened.opened().whenComplete((answer, error) -> {
            if (error != null) {
                if (!isLocal(error) && !abandoned.get()) {
                    socket.unreachable(Failures.reason(error));
                }
            } else {
                socket.opened(answer == LinkOpening.ACCEPTED);
            }
        });
        return new WatchedLink(opened, socket, abandoned, openedAt);
    }

    @Override
    public CompletableFuture<Void> sendPrivate(long userId, String event, CometBody body) {
        return counted(MessageKind.ofPrivate(body.kind()), network.sendPrivate(userId, event, body));
    }

    @Override
    public CompletableFuture<Void> publish(String pipe, String event, CometBody body) {
        return counted(MessageKind.ofPipe(pipe, body.kind()), network.publish(pipe, event, body));
    }

    @Override
    public CompletableFuture<Map<Long, Long>> lastOnline(Collection<Long> userIds) {
        return watched(network.lastOnline(userIds));
    }

    @Override
    public CompletableFuture<List<CometMessage>> history(String pipe) {
        return watched(network.history(pipe));
    }

    @Override
    public CompletableFuture<List<Long>> subscribers(String pipe) {
        return watched(network.subscribers(pipe));
    }

    private CompletableFuture<Void> counted(MessageKind kind, CompletableFuture<Void> sent) {
        return watched(sent).whenComplete((ok, error) -> meters.toComet(kind, error == null));
    }

    private <T> CompletableFuture<T> watched(CompletableFuture<T> call) {
        return call.whenComplete((value, error) -> {
            if (error == null || answeredByComet(error)) {
                link.cometqlAnswered();
            } else if (!isLocal(error)) {
                link.cometqlUnreachable(Failures.reason(error));
            }
        });
    }

    /** Comet answered with an error: reachable (a refused login, though, makes every statement fail). */
    private static boolean answeredByComet(Throwable error) {
        return unwrap(error) instanceof CometQlException e && e.serverCode() != 0
                && !String.valueOf(e.getMessage()).startsWith("cannot log in");
    }

    /** Failures that say nothing about comet: a name refused here, a statement too large, a full pool or queue. */
    private static boolean isLocal(Throwable error) {
        Throwable t = unwrap(error);
        return t instanceof CometNameException || t instanceof CometQlException.TooLarge
                || t instanceof CometQlException.Busy || t instanceof IllegalArgumentException;
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** Socket events on their way to the session, seen by the link state first. */
    private record WatchedListener(CometLinkListener listener, CometLinkState.Socket socket) implements CometLinkListener {
        @Override
        public void privateMessage(CometMessage message) {
            listener.privateMessage(message);
        }

        @Override
        public void pipeMessage(CometMessage message) {
            listener.pipeMessage(message);
        }

        @Override
        public void tracked(String pipe, long userId, String connection, boolean joined) {
            listener.tracked(pipe, userId, connection, joined);
        }

        @Override
        public void linkLost(String reason) {
            socket.lost(reason);
            listener.linkLost(reason);
        }

        @Override
        public void linkRestored(boolean authorized) {
            if (authorized) {
                socket.restored();
            } else {
                socket.closed();
            }
            listener.linkRestored(authorized);
        }
    }

    /** The user's socket; closing it takes it out of the link state. */
    private record WatchedLink(CometUserLink link, CometLinkState.Socket socket, AtomicBoolean abandoned,
                               long openedAt) implements CometUserLink {
        @Override
        public CompletableFuture<LinkOpening> opened() {
            return link.opened();
        }

        @Override
        public void subscribe(Set<String> pipes) {
            link.subscribe(pipes);
        }

        @Override
        public void close() {
            if (!link.opened().isDone() && System.nanoTime() - openedAt < QUIET_CLOSE.toNanos()) {
                abandoned.set(true);
            }
            socket.closed();
            link.close();
        }
    }
}

package org.spectrumcomet.comet.engine.local;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.spectrumcomet.comet.engine.CometEvent;
import org.spectrumcomet.comet.engine.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which attached connections of one tenant are subscribed to which pipes, and the {@code track_}
 * membership events that follow every change (CppComet §I.4.6: every <em>other</em> subscriber
 * of a {@code track_} pipe hears {@code subscription}/{@code unsubscription} with
 * {@code {user_id, uuid}}).
 *
 * <p>Changes run under this object's monitor so that membership events of one pipe reach
 * everyone in the order the changes happened; fan-out readers use {@link #subscribers} without
 * locking (a concurrent set, weakly consistent).
 */
final class Subscriptions {

    private static final Logger log = LoggerFactory.getLogger(Subscriptions.class);
    static final String TRACK_PREFIX = "track_";

    private final String tenant;
    private final LongSupplier now;
    private final Map<String, Set<Session>> byPipe = new ConcurrentHashMap<>();
    /** Attached sessions and their pipes, in subscription order; guarded by {@code this}. */
    private final Map<Session, Set<String>> bySession = new HashMap<>();

    Subscriptions(String tenant, LongSupplier now) {
        this.tenant = tenant;
        this.now = now;
    }

    synchronized void register(Session session) {
        bySession.putIfAbsent(session, new LinkedHashSet<>());
    }

    /** Leaves every pipe; false when the session was not (or no longer) registered. */
    synchronized boolean unregister(Session session) {
        Set<String> pipes = bySession.remove(session);
        if (pipes == null) {
            return false;
        }
        pipes.forEach(pipe -> leave(session, pipe));
        return true;
    }

    /**
     * Replaces the session's whole subscription set with the first {@code max} distinct names.
     * Ignored for a session that is not registered (already detached).
     */
    synchronized void replace(Session session, List<String> pipes, int max) {
        Set<String> current = bySession.get(session);
        if (current == null) {
            log.debug("tenant {} user {}: subscription of a detached session ignored", tenant, session.userId());
            return;
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (String pipe : pipes) {
            if (wanted.size() == max && !wanted.contains(pipe)) {
                log.info("tenant {} user {}: more than {} pipes, ignoring {}", tenant, session.userId(), max, pipe);
                continue;
            }
            wanted.add(pipe);
        }
        for (String pipe : new ArrayList<>(current)) {
            if (!wanted.contains(pipe)) {
                current.remove(pipe);
                leave(session, pipe);
            }
        }
        for (String pipe : wanted) {
            if (current.add(pipe)) {
                join(session, pipe);
            }
        }
    }

    private void join(Session session, String pipe) {
        byPipe.computeIfAbsent(pipe, p -> ConcurrentHashMap.newKeySet()).add(session);
        log.debug("tenant {} user {} joined pipe {}", tenant, session.userId(), pipe);
        announce(session, pipe, "subscription");
    }

    private void leave(Session session, String pipe) {
        Set<Session> members = byPipe.get(pipe);
        if (members != null) {
            members.remove(session);
            if (members.isEmpty()) {
                byPipe.remove(pipe);
            }
        }
        log.debug("tenant {} user {} left pipe {}", tenant, session.userId(), pipe);
        announce(session, pipe, "unsubscription");
    }

    private void announce(Session session, String pipe, String event) {
        if (!pipe.startsWith(TRACK_PREFIX)) {
            return;
        }
        Map<String, Object> who = new LinkedHashMap<>();
        who.put("user_id", session.userId());
        who.put("uuid", session.connection().uuid());
        CometEvent frame = new CometEvent(pipe, event, Collections.unmodifiableMap(who), now.getAsLong(), -1, false);
        for (Session other : subscribers(pipe)) {
            if (!other.equals(session)) {
                other.connection().deliver(frame);
            }
        }
    }

    /** Pipes with at least one subscriber; lock-free, for metrics (weakly consistent). */
    int pipeCount() {
        return byPipe.size();
    }

    /** Pipe subscriptions of all sessions; lock-free, for metrics (weakly consistent). */
    long subscriptionCount() {
        long total = 0;
        for (Set<Session> members : byPipe.values()) {
            total += members.size();
        }
        return total;
    }

    /** The pipe's subscribers right now; empty for an unknown pipe. */
    Collection<Session> subscribers(String pipe) {
        Set<Session> members = byPipe.get(pipe);
        return members == null ? List.of() : members;
    }

    synchronized Set<String> pipesOf(Session session) {
        Set<String> pipes = bySession.get(session);
        return pipes == null ? Set.of() : Set.copyOf(pipes);
    }

    synchronized boolean isRegistered(Session session) {
        return bySession.containsKey(session);
    }
}

package org.spectrumcomet.comet.engine.redis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.spectrumcomet.comet.engine.Session;
import org.spectrumcomet.comet.engine.UserConnections;

/**
 * This node's connections of one tenant: which pipes each is subscribed to, and each user's
 * authorised connections in attach order. Membership changes run under this object's monitor;
 * the pub/sub listener reads {@link #subscribers} and {@link #reachable} without it (concurrent
 * collections, weakly consistent).
 */
final class NodeConnections {

    /** What a subscription change did, for channel counts and track_ events. */
    record Change(List<String> joined, List<String> left) {
    }

    private final Map<String, Set<Session>> byPipe = new ConcurrentHashMap<>();
    private final Map<Session, Set<String>> bySession = new HashMap<>();
    private final UserConnections users = new UserConnections();

    synchronized void register(Session session) {
        bySession.putIfAbsent(session, new LinkedHashSet<>());
    }

    /** Leaves every pipe; null when the session was not (or no longer) registered. */
    synchronized List<String> unregister(Session session) {
        Set<String> pipes = bySession.remove(session);
        if (pipes == null) {
            return null;
        }
        pipes.forEach(pipe -> leave(session, pipe));
        return List.copyOf(pipes);
    }

    /** Replaces the session's pipes with the first {@code max} distinct names; nothing for a detached session. */
    synchronized Change replace(Session session, List<String> pipes, int max) {
        Set<String> current = bySession.get(session);
        if (current == null) {
            return new Change(List.of(), List.of());
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (String pipe : pipes) {
            if (wanted.size() < max || wanted.contains(pipe)) {
                wanted.add(pipe);
            }
        }
        List<String> left = new ArrayList<>();
        for (String pipe : new ArrayList<>(current)) {
            if (!wanted.contains(pipe)) {
                current.remove(pipe);
                leave(session, pipe);
                left.add(pipe);
            }
        }
        List<String> joined = new ArrayList<>();
        for (String pipe : wanted) {
            if (current.add(pipe)) {
                byPipe.computeIfAbsent(pipe, p -> ConcurrentHashMap.newKeySet()).add(session);
                joined.add(pipe);
            }
        }
        return new Change(joined, left);
    }

    private void leave(Session session, String pipe) {
        byPipe.computeIfPresent(pipe, (p, members) -> {
            members.remove(session);
            return members.isEmpty() ? null : members;
        });
    }

    /** Every registered session with its pipes, for announcing this node again. */
    synchronized Map<Session, List<String>> snapshot() {
        Map<Session, List<String>> copy = new HashMap<>();
        bySession.forEach((session, pipes) -> copy.put(session, List.copyOf(pipes)));
        return copy;
    }

    Collection<Session> subscribers(String pipe) {
        Set<Session> members = byPipe.get(pipe);
        return members == null ? List.of() : members;
    }

    /** @return the user's number of connections on this node, this one included */
    int addUser(Session session) {
        return users.add(session);
    }

    /** @return the user's remaining connections on this node, or -1 when the session was not there */
    int removeUser(Session session) {
        return users.remove(session);
    }

    /** The oldest {@code max} connections of the user on this node. */
    List<Session> reachable(long userId, int max) {
        return users.reachable(userId, max);
    }

    List<Long> onlineUsers() {
        return users.onlineUsers();
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
}

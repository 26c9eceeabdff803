package org.spectrumcomet.comet.engine;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The authorised connections of each user (of one tenant, or on one node), in attach order. Private messages go
 * to the first {@link org.spectrumcomet.comet.engine.Names#MAX_DEVICES_PER_USER} of them; a later
 * connection moves into that window when an earlier one detaches.
 *
 * <p>The engine serialises writers per user; readers may look without that.
 */
public final class UserConnections {

    private final Map<Long, List<Session>> byUser = new ConcurrentHashMap<>();

    /** @return the user's number of connections including this one */
    public int add(Session session) {
        List<Session> sessions = byUser.computeIfAbsent(session.userId(), u -> new CopyOnWriteArrayList<>());
        sessions.add(session);
        return sessions.size();
    }

    /** @return the user's remaining connections, or -1 when the session was not registered */
    public int remove(Session session) {
        List<Session> sessions = byUser.get(session.userId());
        if (sessions == null || !sessions.remove(session)) {
            return -1;
        }
        if (sessions.isEmpty()) {
            byUser.remove(session.userId());
            return 0;
        }
        return sessions.size();
    }

    /** The connections private messages reach: the oldest {@code max}. */
    public List<Session> reachable(long userId, int max) {
        List<Session> sessions = byUser.get(userId);
        if (sessions == null) {
            return List.of();
        }
        List<Session> snapshot = List.copyOf(sessions);
        return snapshot.size() <= max ? snapshot : snapshot.subList(0, max);
    }

    public List<Session> all(long userId) {
        List<Session> sessions = byUser.get(userId);
        return sessions == null ? List.of() : List.copyOf(sessions);
    }

    public boolean online(long userId) {
        return byUser.containsKey(userId);
    }

    public List<Long> onlineUsers() {
        return List.copyOf(byUser.keySet());
    }
}

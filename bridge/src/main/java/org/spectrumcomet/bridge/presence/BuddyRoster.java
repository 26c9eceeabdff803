package org.spectrumcomet.bridge.presence;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectrumcomet.backend.outbound.BuddyState;
import org.spectrumcomet.backend.outbound.PresenceStatus;
import org.spectrumcomet.bridge.comet.CometBodyCodec;
import org.spectrumcomet.bridge.session.CometMessage;
import org.spectrumcomet.bridge.session.Failures;
import org.spectrumcomet.bridge.session.LegacyName;
import org.spectrumcomet.bridge.session.UserSession;

/**
 * The buddies of one session whose comet presence is tracked: every roster entry that is a comet
 * user id (BUDDIES, BUDDY_CHANGED from the main), until BUDDY_REMOVED. Sources: {@code users_time}
 * after CONNECTED, after a reconnect and every {@code presence_poll}; the live
 * {@code user_status_<id>} pipe (events {@code online}, {@code offline}, and the
 * {@code status_<show>} events {@link StatusPublisher} writes) for the buddies that fit in the
 * subscription bound. Every change goes to the main as BUDDY_CHANGED with the complete state:
 * ONLINE (or the published show) while online, else NONE with "last seen &lt;UTC time&gt;".
 */
public final class BuddyRoster {

    private static final Logger LOG = LoggerFactory.getLogger(BuddyRoster.class);
    private static final String STATUS_PIPE = "user_status_";
    private static final DateTimeFormatter SEEN =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final UserSession session;
    private final Map<Long, Buddy> buddies = new LinkedHashMap<>();

    /** What is known of one buddy; {@code online} null until comet said. */
    private static final class Buddy {
        final String name;
        /** The XMPP user's roster name for the buddy; empty when none was given. */
        String alias = "";
        Boolean online;
        long lastSeen;
        PresenceStatus show = PresenceStatus.ONLINE;
        String message = "";
        /** Counts live pipe events, so an older users_time answer cannot overwrite a newer event. */
        long liveEvents;

        Buddy(String name) {
            this.name = name;
        }
    }

    public BuddyRoster(UserSession session) {
        this.session = session;
    }

    /**
     * Starts tracking {@code name} (a comet user id) under the roster name {@code alias} (empty:
     * keep the one known, as the main sends an empty alias when it did not change); non-ids are
     * refused with a warning.
     */
    public void track(String name, String alias) {
        long id = LegacyName.idOrNone(name);
        if (id < 0) {
            LOG.warn("user {} (comet {}): buddy \"{}\" is not a comet user id, its presence is not tracked",
                    session.jid(), session.userId(), name);
            return;
        }
        Buddy known = buddies.get(id);
        if (known != null) {
            if (alias != null && !alias.isEmpty()) {
                known.alias = alias;
            }
            return;
        }
        Buddy added = new Buddy(name);
        added.alias = alias == null ? "" : alias;
        buddies.put(id, added);
        if (session.isConnected()) {
            session.updateSubscriptions();
            query(List.of(id), true);
        }
    }

    /** BUDDY_REMOVED: stop tracking. */
    public void untrack(String name) {
        long id = LegacyName.idOrNone(name);
        if (buddies.remove(id) != null) {
            session.updateSubscriptions();
        }
    }

    /**
     * Asks users_time for every tracked buddy; sends every buddy's state when {@code all} (after
     * CONNECTED or a reconnect), else only what changed (the periodic poll).
     */
    public void refresh(boolean all) {
        session.updateSubscriptions();
        if (!buddies.isEmpty()) {
            query(new ArrayList<>(buddies.keySet()), all);
        }
    }

    private void query(List<Long> ids, boolean all) {
        Map<Long, Long> eventsAtAsk = new HashMap<>();
        for (long id : ids) {
            Buddy b = buddies.get(id);
            eventsAtAsk.put(id, b == null ? 0 : b.liveEvents);
        }
        session.network().lastOnline(ids).whenCompleteAsync((times, error) -> {
            if (error != null) {
                LOG.warn("user {} (comet {}): presence of {} buddies unknown: {}", session.jid(), session.userId(),
                        ids.size(), Failures.reason(error));
                return;
            }
            for (long id : ids) {
                Long t = times.get(id);
                Buddy b = buddies.get(id);
                if (b == null) {
                    continue;
                }
                if (b.liveEvents != eventsAtAsk.get(id)) {
                    // The pipe told us something after this row was read; the row is older news.
                    LOG.debug("user {} (comet {}): users_time of buddy {} is older than its last pipe event, ignored",
                            session.jid(), session.userId(), id);
                    continue;
                }
                update(id, b, t != null && t == 0, t != null && t > 0 ? t : 0, all);
            }
        }, session::resume);
    }

    /** The status pipes of the tracked buddies, in roster order. */
    public List<String> statusPipes() {
        return buddies.keySet().stream().map(id -> STATUS_PIPE + id).toList();
    }

    public boolean isStatusPipe(String pipe) {
        return pipe.startsWith(STATUS_PIPE) && buddies.containsKey(LegacyName.idOrNone(pipe.substring(STATUS_PIPE.length())));
    }

    /** True/false when comet told us whether {@code id} is online, null when not tracked or not known yet. */
    public Boolean knownOnline(long id) {
        Buddy b = buddies.get(id);
        return b == null || !session.isSubscribed(STATUS_PIPE + id) ? null : b.online;
    }

    /** An event on a buddy's {@code user_status_<id>} pipe. */
    public void statusEvent(CometMessage m) {
        long id = LegacyName.idOrNone(m.pipe().substring(STATUS_PIPE.length()));
        Buddy b = buddies.get(id);
        if (b == null) {
            return;
        }
        b.liveEvents++;
        String event = m.event();
        if (event.equals("online")) {
            update(id, b, true, b.lastSeen, false);
        } else if (event.equals("offline")) {
            long when = m.sentAt() > 0 ? m.sentAt() : session.now().getEpochSecond();
            update(id, b, false, when, false);
        } else if (StatusPublisher.showOf(event) != null) {
            b.show = StatusPublisher.showOf(event);
            b.message = CometBodyCodec.decode(m.data()).text();
            update(id, b, true, b.lastSeen, true);
        }
    }

    private void update(long id, Buddy b, boolean online, long lastSeen, boolean force) {
        boolean changed = b.online == null || b.online != online || b.lastSeen != lastSeen;
        if (!online && b.online != null && b.online) {
            b.show = PresenceStatus.ONLINE;
            b.message = "";
        }
        b.online = online;
        b.lastSeen = lastSeen;
        if (changed || force) {
            send(id, b);
        }
    }

    private void send(long id, Buddy b) {
        BuddyState.Builder state = BuddyState.builder(b.name);
        if (Boolean.TRUE.equals(b.online)) {
            state.status(b.show).statusMessage(b.message);
        } else {
            state.status(PresenceStatus.NONE)
                    .statusMessage(b.lastSeen > 0 ? "last seen " + SEEN.format(Instant.ofEpochSecond(b.lastSeen)) : "");
        }
        LOG.debug("user {} (comet {}): buddy {} is {}", session.jid(), session.userId(), id,
                Boolean.TRUE.equals(b.online) ? "online" : "offline");
        session.main().buddyChanged(session.jid(), state.build());
    }

    /** The roster name the XMPP user gave {@code id} (else its buddy name), or null when not a buddy. */
    public String nameOf(long id) {
        Buddy b = buddies.get(id);
        return b == null ? null : b.alias.isEmpty() ? b.name : b.alias;
    }
}

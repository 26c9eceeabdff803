package org.spectrumcomet.bridge.rooms;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectrumcomet.backend.outbound.ChatMessage;
import org.spectrumcomet.backend.outbound.ParticipantFlag;
import org.spectrumcomet.backend.outbound.ParticipantState;
import org.spectrumcomet.backend.outbound.PresenceStatus;
import org.spectrumcomet.bridge.comet.CometBody;
import org.spectrumcomet.bridge.comet.CometBodyCodec;
import org.spectrumcomet.bridge.metrics.MessageKind;
import org.spectrumcomet.bridge.session.CometMessage;
import org.spectrumcomet.bridge.session.LegacyName;
import org.spectrumcomet.bridge.session.MessageTime;
import org.spectrumcomet.bridge.session.UserSession;

/**
 * One room the user is in: its pipe, the user's nick, the occupants as the XMPP side sees them and
 * the messages already delivered. Until the join answer went out ({@link #ready}), and while a
 * replay after a reconnect is running, live messages are held back (at most {@code room_memory};
 * later ones are dropped with a warning) and delivered after the history, so the user sees them in
 * publish order.
 *
 * <p>Occupants are comet user ids shown under their nick (learned from the {@code nick} of their
 * bodies) or their id; a name equal to the user's own nick or another occupant's gets
 * {@code #<id>} appended, because the main takes any occupant named like the user for the user.
 */
final class JoinedRoom {

    private static final Logger LOG = LoggerFactory.getLogger(JoinedRoom.class);
    /** Shown for messages without any sender (CometQL inserts by the site's server). */
    static final String ANONYMOUS = "comet";

    final String room;
    final String pipe;
    final boolean tracked;
    String nick;
    boolean ready;
    /** Replays after a reconnect still waiting for comet's answer (usually 0 or 1). */
    private int replaying;
    private final UserSession session;
    private final SeenMessages seen;
    private final RoomSubject subject = new RoomSubject();
    private final List<CometMessage> early = new ArrayList<>();
    private final Map<Long, String> shown = new LinkedHashMap<>();
    private final Map<Long, Set<String>> connections = new HashMap<>();
    private final Map<Long, String> knownNicks = new HashMap<>();

    JoinedRoom(UserSession session, String room, String pipe, String nick) {
        this.session = session;
        this.room = room;
        this.pipe = pipe;
        this.nick = nick;
        this.tracked = pipe.startsWith("track_");
        this.seen = new SeenMessages(session.settings().roomMemory());
    }

    /**
     * The join answer (spec §8.2): occupants, the user itself last with ME, the newest subject of
     * the history, then the history's text messages, then what came meanwhile. Older subjects are
     * only marked as seen: a subject is room state, not a chat line.
     */
    void complete(List<Long> subscribers, List<CometMessage> history) {
        CometMessage latestSubject = RoomSubject.latest(history);
        for (CometMessage m : history) {
            CometBody body = CometBodyCodec.decode(m.data());
            long from = sender(body, m);
            if (from > 0 && body.nick() != null && !body.nick().isBlank()) {
                knownNicks.put(from, body.nick());
            }
            if (m != latestSubject && RoomSubject.isSubject(m, body)) {
                seen.add(MessageKey.of(body, m), m.sentAt());
            }
        }
        for (long id : subscribers) {
            if (id > 0 && id != session.userId() && !shown.containsKey(id)) {
                shown.put(id, nameFor(id, knownNicks.get(id)));
            }
        }
        ready = true;
        presentAll();
        if (latestSubject != null) {
            deliver(latestSubject, true);
        }
        int limit = session.settings().historyLimit();
        for (CometMessage m : history.subList(Math.max(0, history.size() - limit), history.size())) {
            deliver(m, true);
        }
        deliverHeld();
        LOG.info("user {} (comet {}): joined room {} (pipe {}) as {} with {} occupants, {} history messages",
                session.jid(), session.userId(), room, pipe, nick, shown.size(), Math.min(limit, history.size()));
    }

    /** Every occupant, then the user itself (spec §8.2: self last; XEP-0045 clients take it as "joined"). */
    void presentAll() {
        shown.values().forEach(name -> participant(name, PresenceStatus.ONLINE));
        session.main().participantChanged(session.jid(),
                ParticipantState.builder(room, nick).flag(ParticipantFlag.ME).build());
    }

    /** A repeated JOIN (spec §8.1: idempotent): occupants, self, and the subject again. */
    void rejoin() {
        presentAll();
        if (subject.isKnown()) {
            session.main().roomSubject(session.jid(), room, subject.text(), subject.setter());
        }
    }

    /** The user's own subject change, shown once: here after comet accepted it, or on its delivery. */
    void echoSubject(CometBody body) {
        showSubject(body.text(), nick);
    }

    private void showSubject(String text, String setter) {
        if (subject.change(text, setter)) {
            LOG.info("user {} (comet {}): room {} (pipe {}): subject set by {}", session.jid(), session.userId(),
                    room, pipe, setter);
            session.main().roomSubject(session.jid(), room, text, setter);
        }
    }

    /** A live message on the pipe. */
    void receive(CometMessage m) {
        if (ready && replaying == 0) {
            deliver(m, false);
        } else if (early.size() < session.settings().roomMemory()) {
            early.add(m);
        } else {
            LOG.warn("user {} (comet {}): pipe {}: {} live messages already held, dropping one", session.jid(),
                    session.userId(), pipe, early.size());
        }
    }

    /** A reconnect's replay starts: live messages wait until {@link #finishReplay}. */
    void startReplay() {
        replaying++;
    }

    /**
     * The replay's answer: occupants resynced (unless {@code subscribers} is null), the history
     * newer than {@code since} delivered as past messages, then the live ones held meanwhile.
     *
     * @return how many history messages were newer than {@code since}
     */
    int finishReplay(List<Long> subscribers, List<CometMessage> history, long since) {
        replaying = Math.max(0, replaying - 1);
        if (subscribers != null) {
            resync(subscribers);
        }
        int replayed = 0;
        for (CometMessage m : history) {
            if (m.sentAt() >= since) {
                deliver(m, true);
                replayed++;
            }
        }
        if (replaying == 0) {
            deliverHeld();
        }
        return replayed;
    }

    private void deliverHeld() {
        List<CometMessage> held = List.copyOf(early);
        early.clear();
        for (CometMessage m : held) {
            deliver(m, false);
        }
    }

    /** The user's own message, shown once: here after comet accepted it, or on its delivery, whichever is first. */
    void echo(CometBody body) {
        if (seen.add(MessageKey.own(body.from(), body.id()), 0)) {
            session.main().message(session.jid(), ChatMessage.builder(room, body.text()).nickname(nick).build());
        }
    }

    /**
     * Delivers one message unless it was delivered before; {@code past} for history and replays
     * (always stamped with the original time).
     */
    void deliver(CometMessage m, boolean past) {
        CometBody body = CometBodyCodec.decode(m.data());
        if (!seen.add(MessageKey.of(body, m), m.sentAt())) {
            return;
        }
        if (RoomSubject.isSubject(m, body)) {
            // Never empty (an empty setter would make the main open a bogus 1:1 chat): the room then.
            session.meters().fromComet(MessageKind.SUBJECT);
            showSubject(body.text(), senderName(body, m, past, room));
            return;
        }
        if (body.kind() != CometBody.Kind.TEXT) {
            LOG.debug("user {} (comet {}): {} on pipe {} ignored", session.jid(), session.userId(), body.kind(), pipe);
            return;
        }
        String name = senderName(body, m, past, ANONYMOUS);
        String text = body.text().isEmpty() && body.from() == null ? m.data() : body.text();
        Instant stamp = past ? MessageTime.sentAt(body, m) : MessageTime.stamp(body, m, session.now());
        session.meters().fromComet(MessageKind.ROOM);
        session.main().message(session.jid(), ChatMessage.builder(room, text).nickname(name).timestamp(stamp).build());
    }

    /**
     * How the sender of {@code m} is shown: the user's own nick, an occupant's name (a new live
     * sender becomes an occupant), or the body's nick for senders without an id, else {@code anonymous}.
     */
    private String senderName(CometBody body, CometMessage m, boolean past, String anonymous) {
        long from = sender(body, m);
        if (from == session.userId()) {
            return nick;
        }
        if (from > 0) {
            boolean stranger = tracked && !shown.containsKey(from);
            return past || stranger ? nameFor(from, body.nick() != null ? body.nick() : knownNicks.get(from))
                    : occupant(from, body.nick());
        }
        String name = body.nick() != null && !body.nick().isBlank() ? body.nick() : anonymous;
        return name.equals(nick) ? name + "#web" : name;
    }

    /** A {@code track_} subscription change of {@code id}'s connection. */
    void tracked(long id, String connection, boolean joined) {
        Set<String> conns = connections.computeIfAbsent(id, k -> new LinkedHashSet<>());
        if (joined) {
            conns.add(connection);
            occupant(id, knownNicks.get(id));
        } else {
            conns.remove(connection);
            if (conns.isEmpty()) {
                connections.remove(id);
                String name = shown.remove(id);
                if (name != null && ready) {
                    participant(name, PresenceStatus.NONE);
                }
            }
        }
    }

    /** Present occupants after a reconnect: newcomers appear, the gone leave. */
    private void resync(List<Long> subscribers) {
        Set<Long> now = new LinkedHashSet<>();
        for (long id : subscribers) {
            if (id > 0 && id != session.userId()) {
                now.add(id);
            }
        }
        for (Long gone : new ArrayList<>(shown.keySet())) {
            if (!now.contains(gone)) {
                participant(shown.remove(gone), PresenceStatus.NONE);
            }
        }
        now.forEach(id -> occupant(id, knownNicks.get(id)));
    }

    /** Newest comet send time delivered here, for replays. */
    long lastTime() {
        return seen.lastTime();
    }

    /** The comet user shown as {@code name} in this room, or -1. */
    long occupantId(String name) {
        for (Map.Entry<Long, String> e : shown.entrySet()) {
            if (e.getValue().equals(name)) {
                return e.getKey();
            }
        }
        return LegacyName.idOrNone(name);
    }

    /** The shown name of occupant {@code id}, adding it (and telling the main) when new or renamed. */
    private String occupant(long id, String nickHint) {
        if (nickHint != null && !nickHint.isBlank()) {
            knownNicks.put(id, nickHint);
        }
        String current = shown.get(id);
        if (current != null && (nickHint == null || current.equals(nameFor(id, nickHint)))) {
            return current;
        }
        String name = nameFor(id, knownNicks.get(id));
        shown.put(id, name);
        if (ready) {
            if (current == null) {
                participant(name, PresenceStatus.ONLINE);
            } else {
                session.main().participantChanged(session.jid(),
                        ParticipantState.builder(room, current).newname(name).build());
            }
        }
        return name;
    }

    private String nameFor(long id, String nickHint) {
        String base = nickHint != null && !nickHint.isBlank() ? nickHint : Long.toString(id);
        boolean taken = base.equals(nick) || shown.entrySet().stream()
                .anyMatch(e -> e.getKey() != id && e.getValue().equals(base));
        return taken ? base + "#" + id : base;
    }

    private void participant(String name, PresenceStatus status) {
        session.main().participantChanged(session.jid(), ParticipantState.builder(room, name).status(status).build());
    }

    /**
     * The sender: comet's own {@code user_id} when it has one (a browser publishing as an
     * authorised user cannot fake it), else the body's {@code from} (CometQL inserts come from the
     * site's server or a bridge, which are trusted), else 0.
     */
    private static long sender(CometBody body, CometMessage m) {
        if (m.senderId() > 0) {
            return m.senderId();
        }
        long from = LegacyName.idOrNone(body.from());
        return Math.max(from, 0);
    }
}

package org.spectrumcomet.bridge.rooms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectrumcomet.backend.outbound.ParticipantFlag;
import org.spectrumcomet.backend.outbound.ParticipantState;
import org.spectrumcomet.backend.outbound.RoomListEntry;
import org.spectrumcomet.bridge.comet.CometBody;
import org.spectrumcomet.bridge.session.BodyLimit;
import org.spectrumcomet.bridge.session.CometMessage;
import org.spectrumcomet.bridge.session.Failures;
import org.spectrumcomet.bridge.session.UserSession;
import org.spectrumcomet.protocol.pb.Protocol;

/**
 * The rooms of one session (spec §8). JOIN_ROOM subscribes to the room's pipe ({@link RoomNames}),
 * asks comet for the pipe's subscribers and history, then answers: every occupant, the user itself
 * last with the ME flag, the history with its original timestamps, then messages that arrived
 * meanwhile. A repeated JOIN (the main re-sends them after every CONNECTED) re-sends occupants and
 * self only. Messages the user sends are published with an id and echoed exactly once.
 */
public final class RoomSet {

    private static final Logger LOG = LoggerFactory.getLogger(RoomSet.class);

    private final UserSession session;
    private final Map<String, JoinedRoom> byRoom = new LinkedHashMap<>();
    private final Map<String, JoinedRoom> byPipe = new LinkedHashMap<>();
    private long sent;

    public RoomSet(UserSession session) {
        this.session = session;
    }

    /** The joined rooms' pipes, in join order. */
    public List<String> pipes() {
        return new ArrayList<>(byPipe.keySet());
    }

    public boolean hasPipe(String pipe) {
        return byPipe.containsKey(pipe);
    }

    public boolean isJoined(String room) {
        return byRoom.containsKey(room);
    }

    /** True for {@code "room/nick"} where {@code room} is joined: a private message to an occupant. */
    public boolean isPrivateAddress(String address) {
        return roomOf(address) != null;
    }

    /** JOIN_ROOM. */
    public void join(Protocol.Room request) {
        String room = request.getRoom();
        String nick = request.getNickname();
        JoinedRoom known = byRoom.get(room);
        if (known != null) {
            known.nick = nick;
            if (known.ready) {
                known.rejoin();
            }
            return;
        }
        String pipe;
        try {
            pipe = RoomNames.toPipe(room);
        } catch (IllegalArgumentException e) {
            refuse(room, nick, ParticipantFlag.ROOM_NOT_FOUND, e.getMessage());
            return;
        }
        if (byRoom.size() >= session.settings().maxSubscriptions()) {
            refuse(room, nick, ParticipantFlag.NOT_AUTHORIZED, "at most " + session.settings().maxSubscriptions()
                    + " rooms at a time on this comet network");
            return;
        }
        JoinedRoom joined = new JoinedRoom(session, room, pipe, nick);
        byRoom.put(room, joined);
        byPipe.put(pipe, joined);
        LOG.info("user {} (comet {}): joining room {} (pipe {}) as {}", session.jid(), session.userId(), room, pipe, nick);
        session.updateSubscriptions();
        CompletableFuture<List<Long>> who = session.network().subscribers(pipe).exceptionally(e -> {
            LOG.warn("user {} (comet {}): pipe {}: no subscriber list: {}", session.jid(), session.userId(), pipe,
                    Failures.reason(e));
            return List.of();
        });
        history(pipe).thenCombine(who, (past, ids) -> (Runnable) () -> {
            if (byRoom.get(room) == joined) {
                joined.complete(ids, past);
            }
        }).thenAcceptAsync(Runnable::run, session::resume);
    }

    /** Read even with {@code history_limit = 0}: the room's subject lives there too. */
    private CompletableFuture<List<CometMessage>> history(String pipe) {
        return session.network().history(pipe).exceptionally(e -> {
            LOG.warn("user {} (comet {}): pipe {}: no history: {}", session.jid(), session.userId(), pipe,
                    Failures.reason(e));
            return List.of();
        });
    }

    private void refuse(String room, String nick, ParticipantFlag flag, String reason) {
        LOG.warn("user {} (comet {}): refusing room {}: {}", session.jid(), session.userId(), room, reason);
        session.main().participantChanged(session.jid(),
                ParticipantState.builder(room, nick).flag(flag).statusMessage(reason).build());
    }

    /** LEAVE_ROOM: unsubscribe; no answer. */
    public void leave(String room) {
        JoinedRoom left = byRoom.remove(room);
        if (left != null) {
            byPipe.remove(left.pipe);
            LOG.info("user {} (comet {}): left room {} (pipe {})", session.jid(), session.userId(), room, left.pipe);
            session.updateSubscriptions();
        }
    }

    /** A message from the user to the room; echoed once comet took it (or delivered it back). */
    public void send(String room, String text, String xmppId) {
        JoinedRoom r = byRoom.get(room);
        String id = xmppId.isEmpty() ? "sc" + session.userId() + "-" + session.now().toEpochMilli() + "-" + (++sent) : xmppId;
        CometBody body = CometBody.text(Long.toString(session.userId()), r.nick, text, id, session.now().toEpochMilli());
        String tooLarge = BodyLimit.problem(body, session.settings().maxBodyBytes());
        if (tooLarge != null) {
            session.notice("message to room " + room + " not sent: " + tooLarge);
            return;
        }
        session.outbox().enqueue(() -> session.network().publish(r.pipe, body.kind().event(), body))
                .whenComplete((ok, error) -> {
                    if (error != null) {
                        session.notice("message to room " + room + " not delivered: " + Failures.reason(error));
                        return;
                    }
                    if (byRoom.get(room) == r) {
                        r.echo(body);
                    }
                    if (!xmppId.isEmpty() && session.isLive()) {
                        session.main().messageAck(session.jid(), room, xmppId);
                    }
                });
    }

    /**
     * ROOM_SUBJECT_CHANGED from the user: published on the room's pipe (event {@code subject}) and
     * shown back once comet took it, since the main does not reflect it to the XMPP side.
     */
    public void setSubject(String room, String text) {
        JoinedRoom r = byRoom.get(room);
        if (r == null) {
            LOG.warn("user {} (comet {}): subject for room {} which is not joined, ignored", session.jid(),
                    session.userId(), room);
            return;
        }
        CometBody body = CometBody.subject(Long.toString(session.userId()), r.nick, text, session.now().toEpochMilli());
        String tooLarge = BodyLimit.problem(body, session.settings().maxBodyBytes());
        if (tooLarge != null) {
            session.notice("subject of room " + room + " not set: " + tooLarge);
            return;
        }
        session.outbox().enqueue(() -> session.network().publish(r.pipe, RoomSubject.EVENT, body))
                .whenComplete((ok, error) -> {
                    if (error != null) {
                        session.notice("subject of room " + room + " not set: " + Failures.reason(error));
                    } else if (byRoom.get(room) == r) {
                        r.echoSubject(body);
                    }
                });
    }

    /** A private message to {@code "room/nick"}: sent to that occupant's private channel. */
    public void sendPrivate(String address, String text, String xmppId) {
        JoinedRoom r = roomOf(address);
        String nick = address.substring(r.room.length() + 1);
        long to = r.occupantId(nick);
        if (to < 0) {
            session.notice("private message to " + nick + " in " + r.room + " not sent: no such occupant");
            return;
        }
        session.chat().sendTo(to, address, text, xmppId, "private message to " + nick + " in " + r.room);
    }

    /** A message on a joined room's pipe. */
    public void inbound(CometMessage message) {
        JoinedRoom r = byPipe.get(message.pipe());
        if (r != null) {
            r.receive(message);
        }
    }

    /** A {@code track_} pipe's (un)subscription notice. */
    public void tracked(String pipe, long userId, String connection, boolean joined) {
        JoinedRoom r = byPipe.get(pipe);
        if (r != null && r.tracked && userId > 0 && userId != session.userId()) {
            r.tracked(userId, connection, joined);
        }
    }

    /**
     * After the socket came back: occupants resynced, messages missed meanwhile from history, and
     * live messages arriving during that wait held until after them (publish order).
     */
    public void replay() {
        for (JoinedRoom r : byRoom.values()) {
            if (!r.ready) {
                continue;
            }
            long since = r.lastTime();
            r.startReplay();
            CompletableFuture<List<Long>> who = session.network().subscribers(r.pipe)
                    .exceptionally(e -> null);
            history(r.pipe).thenCombine(who, (past, ids) -> (Runnable) () -> {
                if (byRoom.get(r.room) != r) {
                    return;
                }
                int replayed = r.finishReplay(ids, past, since);
                LOG.info("user {} (comet {}): room {} (pipe {}): replay checked {} messages since {}",
                        session.jid(), session.userId(), r.room, r.pipe, replayed, since);
            }).thenAcceptAsync(Runnable::run, session::resume);
        }
    }

    /** ROOM_LIST for this user: the tenant's public rooms ({@code [comet] public_rooms}). */
    public void offerPublicRooms() {
        List<String> pipes = session.settings().publicRooms();
        if (!pipes.isEmpty()) {
            session.main().roomList(session.jid(),
                    pipes.stream().map(p -> new RoomListEntry(RoomNames.toRoom(p), RoomNames.toRoom(p))).toList());
        }
    }

    /** The comet user shown as {@code nick} in {@code room}, or -1. */
    public long occupantId(String room, String nick) {
        JoinedRoom r = byRoom.get(room);
        return r == null ? -1 : r.occupantId(nick);
    }

    private JoinedRoom roomOf(String address) {
        for (JoinedRoom r : byRoom.values()) {
            if (address.length() > r.room.length() + 1 && address.startsWith(r.room + "/")) {
                return r;
            }
        }
        return null;
    }
}

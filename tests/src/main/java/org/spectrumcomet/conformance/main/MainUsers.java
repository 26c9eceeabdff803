package org.spectrumcomet.conformance.main;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.spectrumcomet.conformance.main.Violation.Effect;
import org.spectrumcomet.protocol.SpectrumMessage;
import org.spectrumcomet.protocol.pb.Protocol.Connected;
import org.spectrumcomet.protocol.pb.Protocol.Disconnected;
import org.spectrumcomet.protocol.pb.Protocol.Login;
import org.spectrumcomet.protocol.pb.Protocol.Logout;
import org.spectrumcomet.protocol.pb.Protocol.Room;
import org.spectrumcomet.protocol.pb.Protocol.Status;
import org.spectrumcomet.protocol.pb.Protocol.StatusType;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/**
 * The main instance's users on one backend, with Spectrum's session rules (User.cpp): LOGIN waits
 * for the backend's first PONG and carries the ad-hoc settings the real main sends with its
 * database ({@link #LOGIN_SETTINGS}), followed by STATUS_CHANGED online unless it waited for the
 * backend; the first CONNECTED is followed by another STATUS_CHANGED online (the XMPP client's
 * initial presence once SASL succeeded), as recorded from the real main (tests/PEERS.md); every
 * CONNECTED (re)sends JOIN_ROOM for every room; DISCONNECTED with
 * NETWORK_ERROR (0) or OTHER_ERROR (16) is answered with LOGOUT then LOGIN, at most
 * {@value #MAX_RECONNECTS} times in a row; any other DISCONNECTED is final (LOGOUT, user removed).
 *
 * <p>Flags: a second CONNECTED/DISCONNECTED for one LOGIN, DISCONNECTED after LOGOUT, frames for an
 * unknown user or an unjoined room, vCard replies with an id nobody asked for. Thread-safe: every
 * method holds the lock while it changes state and emits frames, so frames leave in state order.
 */
public final class MainUsers {

    public static final int MAX_RECONNECTS = 3;

    /** The settings map of every LOGIN, as the real main (with a database) fills it. */
    public static final Map<String, String> LOGIN_SETTINGS = Map.of("enable_transport", "1", "send_headlines", "0",
            "stay_connected", "0");

    private enum Answer { NONE, CONNECTED, DISCONNECTED }

    private static final class UserState {
        final String jid;
        final String legacyName;
        final String password;
        Answer answer = Answer.NONE;
        int reconnects;
        int logins;
        boolean queued;
        boolean presenceSent;
        final Map<String, String> rooms = new LinkedHashMap<>();

        UserState(String jid, String legacyName, String password) {
            this.jid = jid;
            this.legacyName = legacyName;
            this.password = password;
        }
    }

    private final Violations violations;
    private final Consumer<SpectrumMessage> out;
    private final Map<String, UserState> users = new LinkedHashMap<>();
    private final Set<String> loggedOut = new HashSet<>();
    private final Set<Integer> pendingVCards = new HashSet<>();
    private boolean backendReady;
    private int nextVCardId;

    public MainUsers(Violations violations, Consumer<SpectrumMessage> out) {
        this.violations = violations;
        this.out = out;
    }

    public synchronized boolean isEmpty() {
        return users.isEmpty();
    }

    public synchronized boolean isKnown(String jid) {
        return users.containsKey(jid);
    }

    /** How many LOGIN frames went out for {@code jid} since it was last added. */
    public synchronized int logins(String jid) {
        UserState u = users.get(jid);
        return u == null ? 0 : u.logins;
    }

    /** The backend answered its first PONG: queued users get their LOGIN now. */
    synchronized void backendReady() {
        if (backendReady) {
            return;
        }
        backendReady = true;
        for (UserState u : users.values()) {
            if (u.queued) {
                u.queued = false;
                sendLogin(u);
            }
        }
    }

    /** Adds a user and sends LOGIN (queued until the first PONG), then STATUS_CHANGED online. */
    public synchronized void login(String jid, String legacyName, String password) {
        if (users.containsKey(jid)) {
            throw new IllegalStateException(jid + " is already logged in");
        }
        loggedOut.remove(jid);
        UserState u = new UserState(jid, legacyName, password);
        users.put(jid, u);
        if (backendReady) {
            sendLogin(u);
            sendOnline(u);
        } else {
            u.queued = true;
        }
    }

    /** The user went offline: LEAVE_ROOM for each room, then LOGOUT; the user is forgotten. */
    public synchronized void logout(String jid) {
        UserState u = require(jid);
        for (String room : u.rooms.keySet()) {
            out.accept(leaveRoomFrame(jid, room));
        }
        remove(u);
    }

    /** Joins a room now if connected, else after CONNECTED (as Spectrum defers joins). */
    public synchronized void joinRoom(String jid, String room, String nickname, String password) {
        UserState u = require(jid);
        u.rooms.put(room, nickname);
        if (u.answer == Answer.CONNECTED) {
            out.accept(joinRoomFrame(jid, room, nickname, password));
        }
    }

    public synchronized void leaveRoom(String jid, String room) {
        UserState u = require(jid);
        if (u.rooms.remove(room) != null) {
            out.accept(leaveRoomFrame(jid, room));
        }
    }

    /** The nickname the main counts as the user's own in {@code room}, or null if not joined. */
    public synchronized String roomNickname(String jid, String room) {
        UserState u = users.get(jid);
        return u == null ? null : u.rooms.get(room);
    }

    /** A fresh vCard request id (Spectrum's counter starts at 0), remembered as pending. */
    synchronized int newVCardId() {
        int id = nextVCardId++;
        pendingVCards.add(id);
        return id;
    }

    synchronized void onConnected(Connected c) {
        UserState u = known(c.getUser(), "CONNECTED");
        if (u == null) {
            return;
        }
        if (u.answer != Answer.NONE) {
            violations.flag(Effect.MISBEHAVE, "second-answer", "CONNECTED for " + u.jid + " after " + u.answer
                    + " for the same LOGIN (the main replays JOIN_ROOM for every room)");
        }
        u.answer = Answer.CONNECTED;
        u.reconnects = 0;
        if (!u.presenceSent) {
            u.presenceSent = true;
            sendOnline(u);
        }
        u.rooms.forEach((room, nick) -> out.accept(joinRoomFrame(u.jid, room, nick, "")));
    }

    synchronized void onDisconnected(Disconnected d) {
        if (loggedOut.contains(d.getUser()) && !users.containsKey(d.getUser())) {
            violations.flag(Effect.MISBEHAVE, "disconnected-after-logout", "DISCONNECTED{error=" + d.getError()
                    + "} for " + d.getUser() + " after the main sent LOGOUT (it would count against the next session)");
            return;
        }
        UserState u = known(d.getUser(), "DISCONNECTED");
        if (u == null) {
            return;
        }
        if (u.answer == Answer.DISCONNECTED) {
            violations.flag(Effect.MISBEHAVE, "second-answer", "second DISCONNECTED for " + u.jid + " for one LOGIN");
            return;
        }
        u.answer = Answer.DISCONNECTED;
        boolean transientError = d.getError() == 0 || d.getError() == 16;
        if (transientError && u.reconnects < MAX_RECONNECTS) {
            u.reconnects++;
            out.accept(logoutFrame(u));
            sendLogin(u);
        } else {
            remove(u);
        }
    }

    /** Checks the user (and room, if any) a received frame is about. */
    synchronized void checkAddressee(Type type, String jid, String room) {
        UserState u = users.get(jid);
        if (u == null) {
            violations.flag(Effect.DROP, "unknown-user", type + " for user '" + jid + "' who is not logged in"
                    + (loggedOut.contains(jid) ? " (the main sent LOGOUT)" : ""));
        } else if (room != null && !u.rooms.containsKey(room)) {
            violations.flag(Effect.DROP, "unknown-room", type + " for room '" + room + "' that " + jid
                    + " has not joined (room names must match JOIN_ROOM byte for byte)");
        }
    }

    synchronized void onRoomNickname(Room r) {
        UserState u = users.get(r.getUserName());
        if (u != null && u.rooms.containsKey(r.getRoom())) {
            u.rooms.put(r.getRoom(), r.getNickname());
        }
    }

    synchronized void onVCardReply(String jid, int id) {
        if (!pendingVCards.remove(id)) {
            violations.flag(Effect.DROP, "vcard-unknown-id", "VCARD for " + jid + " with id " + id
                    + " that no pending request has");
        }
    }

    /** Users whose LOGIN is still unanswered. */
    public synchronized List<String> unanswered() {
        List<String> jids = new ArrayList<>();
        users.values().stream().filter(u -> u.answer == Answer.NONE).forEach(u -> jids.add(u.jid));
        return jids;
    }

    private void sendLogin(UserState u) {
        u.answer = Answer.NONE;
        u.logins++;
        out.accept(SpectrumMessage.of(Type.TYPE_LOGIN, Login.newBuilder()
                .setUser(u.jid).setLegacyName(u.legacyName).setPassword(u.password)
                .setSettings(Login.UserSettings.newBuilder().putAllValue(LOGIN_SETTINGS)).build()));
    }

    private void sendOnline(UserState u) {
        out.accept(SpectrumMessage.of(Type.TYPE_STATUS_CHANGED, Status.newBuilder()
                .setUserName(u.jid).setStatus(StatusType.STATUS_ONLINE).setStatusMessage("").build()));
    }

    private void remove(UserState u) {
        users.remove(u.jid);
        loggedOut.add(u.jid);
        out.accept(logoutFrame(u));
    }

    private UserState known(String jid, String what) {
        UserState u = users.get(jid);
        if (u == null) {
            checkAddressee(Type.valueOf("TYPE_" + what), jid, null);
        }
        return u;
    }

    private UserState require(String jid) {
        UserState u = users.get(jid);
        if (u == null) {
            throw new IllegalStateException(jid + " is not logged in");
        }
        return u;
    }

    private static SpectrumMessage logoutFrame(UserState u) {
        return SpectrumMessage.of(Type.TYPE_LOGOUT, Logout.newBuilder().setUser(u.jid).setLegacyName(u.legacyName).build());
    }

    private static SpectrumMessage joinRoomFrame(String jid, String room, String nick, String password) {
        return SpectrumMessage.of(Type.TYPE_JOIN_ROOM, Room.newBuilder()
                .setUserName(jid).setRoom(room).setNickname(nick).setPassword(password).build());
    }

    private static SpectrumMessage leaveRoomFrame(String jid, String room) {
        return SpectrumMessage.of(Type.TYPE_LEAVE_ROOM, Room.newBuilder()
                .setUserName(jid).setRoom(room).setNickname("").setPassword("").build());
    }
}

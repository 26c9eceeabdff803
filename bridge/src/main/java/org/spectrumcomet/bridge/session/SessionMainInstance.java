package org.spectrumcomet.bridge.session;

import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectrumcomet.backend.outbound.BuddyState;
import org.spectrumcomet.backend.outbound.ChatMessage;
import org.spectrumcomet.backend.outbound.ConnectionError;
import org.spectrumcomet.backend.outbound.MainInstance;
import org.spectrumcomet.backend.outbound.ParticipantState;
import org.spectrumcomet.backend.outbound.RoomListEntry;
import org.spectrumcomet.backend.outbound.VCardContent;

/**
 * The main instance as one session sees it: every frame passes until the session ends (LOGOUT, a
 * replacing LOGIN, or its own DISCONNECTED), and nothing at all passes afterwards — not even from
 * comet answers or timers that were already under way (logged at debug and dropped). The check
 * and the hand-over to the link happen under one lock that {@link #end} also takes, so once
 * {@code end} returned no frame of this session can still leave.
 */
final class SessionMainInstance implements MainInstance {

    private static final Logger LOG = LoggerFactory.getLogger(SessionMainInstance.class);

    private final MainInstance main;
    private final String jid;
    private boolean ended;

    SessionMainInstance(MainInstance main, String jid) {
        this.main = main;
        this.jid = jid;
    }

    /** From now on every frame is dropped. */
    synchronized void end() {
        ended = true;
    }

    /** Sends DISCONNECTED as the session's last frame, unless it has ended already; then ends. */
    synchronized boolean endWith(ConnectionError error, String message) {
        if (ended) {
            LOG.debug("user {}: session already ended, DISCONNECTED {} dropped", jid, error);
            return false;
        }
        ended = true;
        return main.disconnected(jid, error, message);
    }

    private synchronized boolean pass(String frame, BooleanSupplier send) {
        if (ended) {
            LOG.debug("user {}: session ended, {} dropped", jid, frame);
            return false;
        }
        return send.getAsBoolean();
    }

    @Override
    public boolean connected(String user) {
        return pass("CONNECTED", () -> main.connected(user));
    }

    /** Ends the session with its last frame; see {@link #endWith}. */
    @Override
    public boolean disconnected(String user, ConnectionError error, String message) {
        return endWith(error, message);
    }

    @Override
    public boolean buddyChanged(String user, BuddyState buddy) {
        return pass("BUDDY_CHANGED " + buddy.buddyName(), () -> main.buddyChanged(user, buddy));
    }

    @Override
    public boolean buddyRemoved(String user, String buddyName) {
        return pass("BUDDY_REMOVED " + buddyName, () -> main.buddyRemoved(user, buddyName));
    }

    @Override
    public boolean message(String user, ChatMessage message) {
        return pass("CONV_MESSAGE", () -> main.message(user, message));
    }

    @Override
    public boolean messageAck(String user, String buddyName, String id) {
        return pass("CONV_MESSAGE_ACK " + id, () -> main.messageAck(user, buddyName, id));
    }

    @Override
    public boolean participantChanged(String user, ParticipantState participant) {
        return pass("PARTICIPANT_CHANGED", () -> main.participantChanged(user, participant));
    }

    @Override
    public boolean roomSubject(String user, String room, String subject, String setter) {
        return pass("ROOM_SUBJECT_CHANGED " + room, () -> main.roomSubject(user, room, subject, setter));
    }

    @Override
    public boolean roomNicknameChanged(String user, String room, String nickname) {
        return pass("ROOM_NICKNAME_CHANGED " + room, () -> main.roomNicknameChanged(user, room, nickname));
    }

    @Override
    public boolean typing(String user, String buddyName) {
        return pass("BUDDY_TYPING", () -> main.typing(user, buddyName));
    }

    @Override
    public boolean typed(String user, String buddyName) {
        return pass("BUDDY_TYPED", () -> main.typed(user, buddyName));
    }

    @Override
    public boolean stoppedTyping(String user, String buddyName) {
        return pass("BUDDY_STOPPED_TYPING", () -> main.stoppedTyping(user, buddyName));
    }

    @Override
    public boolean attention(String user, String buddyName, String message) {
        return pass("ATTENTION", () -> main.attention(user, buddyName, message));
    }

    @Override
    public boolean vcard(String user, String buddyName, int requestId, VCardContent content) {
        return pass("VCARD " + requestId, () -> main.vcard(user, buddyName, requestId, content));
    }

    @Override
    public boolean authRequest(String user, String buddyName) {
        return pass("AUTH_REQUEST", () -> main.authRequest(user, buddyName));
    }

    @Override
    public boolean roomList(String user, List<RoomListEntry> rooms) {
        return pass("ROOM_LIST", () -> main.roomList(user, rooms));
    }

    /** Not per user: passed through as long as the session lives. */
    @Override
    public boolean rawXml(String stanza) {
        return pass("RAW_XML", () -> main.rawXml(stanza));
    }

    @Override
    public boolean query(String command) {
        return pass("QUERY", () -> main.query(command));
    }
}

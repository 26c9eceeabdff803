package org.spectrumcomet.backend.outbound;

import com.google.protobuf.ByteString;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectrumcomet.protocol.RawXml;
import org.spectrumcomet.protocol.SpectrumMessage;
import org.spectrumcomet.protocol.pb.Protocol;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/**
 * {@link MainInstance} as frames: builds each payload with every required field set, applies the
 * {@link LoginLedger} rules to CONNECTED / DISCONNECTED, and hands the frame to a {@link FrameSink}.
 */
public final class FramedMainInstance implements MainInstance {

    private static final Logger LOG = LoggerFactory.getLogger(FramedMainInstance.class);

    private final FrameSink sink;
    private final LoginLedger ledger;
    private final LoginOutcomes outcomes;

    public FramedMainInstance(FrameSink sink, LoginLedger ledger) {
        this(sink, ledger, LoginOutcomes.NONE);
    }

    /** Also reports each LOGIN's answer to {@code outcomes} (metrics). */
    public FramedMainInstance(FrameSink sink, LoginLedger ledger, LoginOutcomes outcomes) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.outcomes = Objects.requireNonNull(outcomes, "outcomes");
    }

    @Override
    public boolean connected(String user) {
        if (!ledger.claimConnected(user)) {
            LOG.warn("user {}: dropping CONNECTED: no unanswered LOGIN (already answered, or logged out)", user);
            return false;
        }
        outcomes.accepted();
        return send(Type.TYPE_CONNECTED, Protocol.Connected.newBuilder().setUser(text(user)).build(), user);
    }

    @Override
    public boolean disconnected(String user, ConnectionError error, String message) {
        Objects.requireNonNull(error, "error");
        // read before the claim removes the user: the per-user queue orders LOGIN and its answer
        boolean answersLogin = ledger.isAwaitingAnswer(user);
        if (!ledger.claimDisconnected(user)) {
            LOG.warn("user {}: dropping DISCONNECTED({}): the user is not logged in (after LOGOUT, or already disconnected)",
                    user, error);
            return false;
        }
        if (answersLogin) {
            outcomes.refused(error);
        } else {
            outcomes.disconnected(error);
        }
        return send(Type.TYPE_DISCONNECTED, Protocol.Disconnected.newBuilder()
                .setUser(text(user)).setError(error.code()).setMessage(text(message)).build(), user);
    }

    @Override
    public boolean buddyChanged(String user, BuddyState buddy) {
        return send(Type.TYPE_BUDDY_CHANGED, buddy.toBuddy(user), user);
    }

    @Override
    public boolean buddyRemoved(String user, String buddyName) {
        return send(Type.TYPE_BUDDY_REMOVED, buddy(user, buddyName), user);
    }

    @Override
    public boolean message(String user, ChatMessage message) {
        return send(Type.TYPE_CONV_MESSAGE, message.toMessage(user), user);
    }

    @Override
    public boolean messageAck(String user, String buddyName, String id) {
        if (id == null || id.isEmpty()) {
            LOG.warn("user {}: dropping CONV_MESSAGE_ACK to {} without id (the main would drop it)", user, buddyName);
            return false;
        }
        return send(Type.TYPE_CONV_MESSAGE_ACK, conversation(user, buddyName, "").setId(text(id)).build(), user);
    }

    @Override
    public boolean participantChanged(String user, ParticipantState participant) {
        return send(Type.TYPE_PARTICIPANT_CHANGED, participant.toParticipant(user), user);
    }

    @Override
    public boolean roomSubject(String user, String room, String subject, String setter) {
        return send(Type.TYPE_ROOM_SUBJECT_CHANGED,
                conversation(user, room, subject).setNickname(text(setter)).build(), user);
    }

    @Override
    public boolean roomNicknameChanged(String user, String room, String nickname) {
        return send(Type.TYPE_ROOM_NICKNAME_CHANGED, Protocol.Room.newBuilder()
                .setUserName(text(user)).setRoom(text(room)).setNickname(text(nickname)).build(), user);
    }

    @Override
    public boolean typing(String user, String buddyName) {
        return send(Type.TYPE_BUDDY_TYPING, buddy(user, buddyName), user);
    }

    @Override
    public boolean typed(String user, String buddyName) {
        return send(Type.TYPE_BUDDY_TYPED, buddy(user, buddyName), user);
    }

    @Override
    public boolean stoppedTyping(String user, String buddyName) {
        return send(Type.TYPE_BUDDY_STOPPED_TYPING, buddy(user, buddyName), user);
    }

    @Override
    public boolean attention(String user, String buddyName, String message) {
        return send(Type.TYPE_ATTENTION, conversation(user, buddyName, message).build(), user);
    }

    @Override
    public boolean vcard(String user, String buddyName, int requestId, VCardContent content) {
        Protocol.VCard.Builder b = Protocol.VCard.newBuilder()
                .setUserName(text(user)).setBuddyName(text(buddyName)).setId(requestId)
                .setFullname(text(content.fullname())).setNickname(text(content.nickname()));
        if (content.photo() != null && content.photo().length > 0) {
            b.setPhoto(ByteString.copyFrom(content.photo()));
        }
        return send(Type.TYPE_VCARD, b.build(), user);
    }

    @Override
    public boolean authRequest(String user, String buddyName) {
        return send(Type.TYPE_AUTH_REQUEST, buddy(user, buddyName), user);
    }

    @Override
    public boolean roomList(String user, List<RoomListEntry> rooms) {
        Protocol.RoomList.Builder b = Protocol.RoomList.newBuilder();
        for (RoomListEntry entry : rooms) {
            b.addRoom(text(entry.room())).addName(text(entry.name()));
        }
        if (user != null && !user.isEmpty()) {
            b.setUser(text(user));
        }
        return send(Type.TYPE_ROOM_LIST, b.build(), user == null ? "" : user);
    }

    @Override
    public boolean rawXml(String stanza) {
        return sink.send(new SpectrumMessage(Type.TYPE_RAW_XML, new RawXml(text(stanza))), "");
    }

    @Override
    public boolean query(String command) {
        return send(Type.TYPE_QUERY, Protocol.BackendConfig.newBuilder().setConfig(text(command)).build(), "");
    }

    private boolean send(Type type, com.google.protobuf.MessageLite payload, String user) {
        return sink.send(new SpectrumMessage(type, payload), user);
    }

    private static Protocol.Buddy buddy(String user, String buddyName) {
        return Protocol.Buddy.newBuilder().setUserName(text(user)).setBuddyName(text(buddyName)).build();
    }

    private static Protocol.ConversationMessage.Builder conversation(String user, String buddyName, String message) {
        return Protocol.ConversationMessage.newBuilder()
                .setUserName(text(user)).setBuddyName(text(buddyName)).setMessage(text(message));
    }

    private static String text(String s) {
        return XmlText.clean(s);
    }
}

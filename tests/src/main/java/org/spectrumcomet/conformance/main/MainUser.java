package org.spectrumcomet.conformance.main;

import com.google.protobuf.ByteString;
import java.util.Objects;
import org.spectrumcomet.protocol.SpectrumMessage;
import org.spectrumcomet.protocol.pb.Protocol.Buddy;
import org.spectrumcomet.protocol.pb.Protocol.ConversationMessage;
import org.spectrumcomet.protocol.pb.Protocol.Status;
import org.spectrumcomet.protocol.pb.Protocol.StatusType;
import org.spectrumcomet.protocol.pb.Protocol.VCard;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/**
 * One XMPP user as the main instance represents it to the backend: each method sends the frames
 * the real main sends for that XMPP-side action (sequences in spec §9).
 */
public final class MainUser {

    private final MainInstance main;
    private final String jid;

    MainUser(MainInstance main, String jid) {
        this.main = main;
        this.jid = Objects.requireNonNull(jid, "jid");
    }

    public String jid() {
        return jid;
    }

    /** LOGIN (after the backend's first PONG) then STATUS_CHANGED online. */
    public void login(String legacyName, String password) {
        main.link().users().login(jid, legacyName, password);
    }

    /** LEAVE_ROOM for each room, then LOGOUT. */
    public void logout() {
        main.link().users().logout(jid);
    }

    /** CONV_MESSAGE to a buddy or a room; {@code id} non-null asks for a receipt (XEP-0184). */
    public void sendMessage(String buddyOrRoom, String text, String id) {
        ConversationMessage.Builder msg = ConversationMessage.newBuilder()
                .setUserName(jid).setBuddyName(buddyOrRoom).setMessage(text).setXhtml("");
        if (id != null) {
            msg.setId(id);
        }
        main.send(SpectrumMessage.of(Type.TYPE_CONV_MESSAGE, msg.build()));
    }

    /** Sends BUDDY_TYPING (18), BUDDY_STOPPED_TYPING (19) or BUDDY_TYPED (20). */
    public void typing(Type typingType, String buddy) {
        if (typingType != Type.TYPE_BUDDY_TYPING && typingType != Type.TYPE_BUDDY_STOPPED_TYPING
                && typingType != Type.TYPE_BUDDY_TYPED) {
            throw new IllegalArgumentException("not a typing type: " + typingType);
        }
        main.send(SpectrumMessage.of(typingType, Buddy.newBuilder().setUserName(jid).setBuddyName(buddy).build()));
    }

    public void attention(String buddy, String text) {
        main.send(SpectrumMessage.of(Type.TYPE_ATTENTION, ConversationMessage.newBuilder()
                .setUserName(jid).setBuddyName(buddy).setMessage(text).build()));
    }

    /** ROOM_SUBJECT_CHANGED {room, new subject}: the user set the room's subject (spec §8.5). */
    public void setSubject(String room, String subject) {
        main.send(SpectrumMessage.of(Type.TYPE_ROOM_SUBJECT_CHANGED, ConversationMessage.newBuilder()
                .setUserName(jid).setBuddyName(room).setMessage(subject).build()));
    }

    /** JOIN_ROOM now, or after CONNECTED if the user is not connected yet. */
    public void joinRoom(String room, String nickname) {
        main.link().users().joinRoom(jid, room, nickname, "");
    }

    public void leaveRoom(String room) {
        main.link().users().leaveRoom(jid, room);
    }

    /** The nick the main counts as the user's own in {@code room}. */
    public String roomNickname(String room) {
        return main.link().users().roomNickname(jid, room);
    }

    /** VCARD request without photo; returns the request id the reply must echo. */
    public int requestVCard(String buddy) {
        int id = main.link().users().newVCardId();
        main.send(SpectrumMessage.of(Type.TYPE_VCARD, VCard.newBuilder()
                .setUserName(jid).setBuddyName(buddy).setId(id).build()));
        return id;
    }

    /** The user's own vCard update: empty buddy name, id 0, photo present. */
    public void updateOwnVCard(String nickname, byte[] photo) {
        main.send(SpectrumMessage.of(Type.TYPE_VCARD, VCard.newBuilder().setUserName(jid).setBuddyName("")
                .setId(0).setNickname(nickname).setPhoto(ByteString.copyFrom(photo)).build()));
    }

    public void changeStatus(StatusType status, String statusMessage) {
        main.send(SpectrumMessage.of(Type.TYPE_STATUS_CHANGED, Status.newBuilder()
                .setUserName(jid).setStatus(status).setStatusMessage(statusMessage).build()));
    }

    /** The user adds (or renames) a contact: BUDDY_CHANGED with status NONE, no blocked field. */
    public void addBuddy(String buddy, String alias, String group) {
        main.send(SpectrumMessage.of(Type.TYPE_BUDDY_CHANGED, Buddy.newBuilder().setUserName(jid)
                .setBuddyName(buddy).setAlias(alias).addGroup(group).setStatus(StatusType.STATUS_NONE).build()));
    }

    public void removeBuddy(String buddy) {
        main.send(SpectrumMessage.of(Type.TYPE_BUDDY_REMOVED, Buddy.newBuilder().setUserName(jid)
                .setBuddyName(buddy).setAlias("").setStatus(StatusType.STATUS_NONE).build()));
    }
}

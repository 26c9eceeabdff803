package org.spectrumcomet.demo;

import java.time.Duration;
import java.util.List;
import org.spectrumcomet.conformance.main.FrameRecord;
import org.spectrumcomet.conformance.main.MainUser;
import org.spectrumcomet.protocol.SpectrumMessage;
import org.spectrumcomet.protocol.pb.Protocol.Buddies;
import org.spectrumcomet.protocol.pb.Protocol.Buddy;
import org.spectrumcomet.protocol.pb.Protocol.Connected;
import org.spectrumcomet.protocol.pb.Protocol.ConversationMessage;
import org.spectrumcomet.protocol.pb.Protocol.Disconnected;
import org.spectrumcomet.protocol.pb.Protocol.Participant;
import org.spectrumcomet.protocol.pb.Protocol.StatusType;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/**
 * The XMPP-side user as the main instance represents her to the backend: the frames Spectrum
 * sends for her actions, and waits for the frames the backend answers with (spec §9 sequences).
 */
final class XmppUser {

    /** PARTICIPANT_CHANGED flag: this participant is the user herself. */
    static final int FLAG_ME = 16;

    private final SpectrumMain main;
    private final MainUser user;
    private final DemoUser who;

    XmppUser(SpectrumMain main, MainUser user, DemoUser who) {
        this.main = main;
        this.user = user;
        this.who = who;
    }

    String jid() {
        return user.jid();
    }

    /** LOGIN (legacy name = comet id, password = comet key), STATUS_CHANGED online, then the stored roster. */
    long login(DemoUser... roster) {
        long from = main.mark();
        user.login(who.legacyName(), who.key());
        Buddies.Builder buddies = Buddies.newBuilder();
        for (DemoUser b : roster) {
            buddies.addBuddy(Buddy.newBuilder().setUserName(jid()).setBuddyName(b.legacyName()).setAlias(b.name())
                    .addGroup("Buddies").setStatus(StatusType.STATUS_NONE));
        }
        main.send(SpectrumMessage.of(Type.TYPE_BUDDIES, buddies.build()));
        return from;
    }

    /** CONNECTED for this user; a DISCONNECTED instead fails with the backend's reason. */
    void awaitConnected(long from, Duration timeout) throws DemoFailure {
        SpectrumMessage answer = main.awaitReceived(from, m -> m.payload() instanceof Connected c
                && c.getUser().equals(jid()) || m.payload() instanceof Disconnected d && d.getUser().equals(jid()),
                timeout, "CONNECTED for " + jid());
        if (answer.payload() instanceof Disconnected d) {
            throw main.failure("login refused: DISCONNECTED error " + d.getError() + " \"" + d.getMessage() + "\"");
        }
    }

    /** The next BUDDY_CHANGED for {@code buddy} with {@code status}. */
    Buddy awaitBuddy(long from, DemoUser buddy, StatusType status, Duration timeout) throws DemoFailure {
        return main.awaitReceived(from, m -> m.payload() instanceof Buddy b && m.type() == Type.TYPE_BUDDY_CHANGED
                && b.getUserName().equals(jid()) && b.getBuddyName().equals(buddy.legacyName())
                && b.getStatus() == status, timeout, "BUDDY_CHANGED " + buddy.name() + " " + status)
                .payload(Buddy.class);
    }

    /** CONV_MESSAGE to a buddy (by comet id) or a room; {@code id} asks for CONV_MESSAGE_ACK. */
    long send(String buddyOrRoom, String text, String id) {
        long from = main.mark();
        user.sendMessage(buddyOrRoom, text, id);
        return from;
    }

    void awaitAck(long from, String id, Duration timeout) throws DemoFailure {
        main.awaitReceived(from, m -> m.type() == Type.TYPE_CONV_MESSAGE_ACK
                && m.payload() instanceof ConversationMessage c && c.getUserName().equals(jid()) && c.getId().equals(id),
                timeout, "CONV_MESSAGE_ACK for " + id);
    }

    /** A CONV_MESSAGE to this user from {@code buddyOrRoom} with exactly {@code text}. */
    ConversationMessage awaitMessage(long from, String buddyOrRoom, String text, Duration timeout) throws DemoFailure {
        return main.awaitReceived(from, m -> m.type() == Type.TYPE_CONV_MESSAGE
                && m.payload() instanceof ConversationMessage c && c.getUserName().equals(jid())
                && c.getBuddyName().equals(buddyOrRoom) && c.getMessage().equals(text),
                timeout, "CONV_MESSAGE \"" + text + "\" from " + buddyOrRoom).payload(ConversationMessage.class);
    }

    long joinRoom(String room, String nickname) {
        long from = main.mark();
        user.joinRoom(room, nickname);
        return from;
    }

    /**
     * The PARTICIPANT_CHANGED frames of {@code room} up to and including the user's own (flag ME),
     * which Spectrum requires last.
     */
    List<Participant> awaitParticipants(long from, String room, Duration timeout) throws DemoFailure {
        FrameRecord self = main.awaitRecord(from, m -> m.payload() instanceof Participant p
                && p.getUserName().equals(jid()) && p.getRoom().equals(room) && (p.getFlag() & FLAG_ME) != 0,
                timeout, "own PARTICIPANT_CHANGED (flag ME) in " + room);
        return main.received(from, self.seq()).stream().filter(m -> m.payload() instanceof Participant p
                && p.getUserName().equals(jid()) && p.getRoom().equals(room))
                .map(m -> m.payload(Participant.class)).toList();
    }

    /** LEAVE_ROOM for each joined room, then LOGOUT — what Spectrum sends when the last resource goes offline. */
    void logout() {
        user.logout();
    }
}

package org.spectrumcomet.backend.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.protocol.RawXml;
import org.spectrumcomet.protocol.SpectrumMessage;
import org.spectrumcomet.protocol.pb.Protocol;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

class FramedMainInstanceTest {

    private final RecordingSink sink = new RecordingSink();
    private final LoginLedger ledger = new LoginLedger();
    private final FramedMainInstance main = new FramedMainInstance(sink, ledger);

    private SpectrumMessage only() {
        assertThat(sink.frames).hasSize(1);
        return sink.frames.get(0);
    }

    @Test
    void connectedOncePerLogin() {
        ledger.loginReceived("u@x");
        assertThat(main.connected("u@x")).isTrue();
        assertThat(main.connected("u@x")).isFalse();
        assertThat(only().payload(Protocol.Connected.class).getUser()).isEqualTo("u@x");
    }

    @Test
    void connectedWithoutLoginIsDropped() {
        assertThat(main.connected("nobody@x")).isFalse();
        assertThat(sink.frames).isEmpty();
    }

    @Test
    void disconnectedAnswersALoginOnlyOnce() {
        ledger.loginReceived("u@x");
        assertThat(main.disconnected("u@x", ConnectionError.AUTHENTICATION_FAILED, "bad password")).isTrue();
        assertThat(main.connected("u@x")).isFalse();
        assertThat(main.disconnected("u@x", ConnectionError.OTHER_ERROR, "again")).isFalse();
        Protocol.Disconnected d = only().payload(Protocol.Disconnected.class);
        assertThat(d.getError()).isEqualTo(2);
        assertThat(d.getMessage()).isEqualTo("bad password");
    }

    @Test
    void disconnectedAfterConnectedIsAllowedOnce() {
        ledger.loginReceived("u@x");
        main.connected("u@x");
        assertThat(main.disconnected("u@x", ConnectionError.NETWORK_ERROR, null)).isTrue();
        assertThat(sink.frames).extracting(SpectrumMessage::type)
                .containsExactly(Type.TYPE_CONNECTED, Type.TYPE_DISCONNECTED);
        assertThat(sink.frames.get(1).payload(Protocol.Disconnected.class).getMessage()).isEmpty();
    }

    @Test
    void noDisconnectedAfterLogout() {
        ledger.loginReceived("u@x");
        main.connected("u@x");
        ledger.loggedOut("u@x");
        assertThat(main.disconnected("u@x", ConnectionError.NETWORK_ERROR, "late")).isFalse();
        assertThat(sink.frames).extracting(SpectrumMessage::type).containsExactly(Type.TYPE_CONNECTED);
    }

    @Test
    void aNewLoginAfterLogoutMayBeAnsweredAgain() {
        ledger.loginReceived("u@x");
        main.connected("u@x");
        ledger.loggedOut("u@x");
        ledger.loginReceived("u@x");
        assertThat(main.connected("u@x")).isTrue();
    }

    @Test
    void messageAckCarriesEmptyRequiredMessage() {
        main.messageAck("u@x", "bob", "m1");
        Protocol.ConversationMessage m = only().payload(Protocol.ConversationMessage.class);
        assertThat(only().type()).isEqualTo(Type.TYPE_CONV_MESSAGE_ACK);
        assertThat(m.hasMessage()).isTrue();
        assertThat(m.getMessage()).isEmpty();
        assertThat(m.getId()).isEqualTo("m1");
        assertThat(main.messageAck("u@x", "bob", "")).isFalse();
    }

    @Test
    void chatMessageWithEveryField() {
        main.message("u@x", ChatMessage.builder("room", "hi\u0000 there")
                .nickname("alice").xhtml("<b>hi</b>").timestamp(Instant.parse("2024-01-31T10:15:00Z"))
                .id("42").headline(true).pm(true).carbon(true)
                .attachment(new Attachment("https://e/x.png", "image/png", "pic")).build());
        Protocol.ConversationMessage m = only().payload(Protocol.ConversationMessage.class);
        assertThat(m.getUserName()).isEqualTo("u@x");
        assertThat(m.getBuddyName()).isEqualTo("room");
        assertThat(m.getMessage()).isEqualTo("hi there");
        assertThat(m.getNickname()).isEqualTo("alice");
        assertThat(m.getTimestamp()).isEqualTo("20240131T101500");
        assertThat(m.getHeadline()).isTrue();
        assertThat(m.getPm()).isTrue();
        assertThat(m.getCarbon()).isTrue();
        assertThat(m.getAttachment(0).getUrl()).isEqualTo("https://e/x.png");
    }

    @Test
    void oneToOneMessageHasNoNickname() {
        main.message("u@x", ChatMessage.builder("bob", "yo").build());
        Protocol.ConversationMessage m = only().payload(Protocol.ConversationMessage.class);
        assertThat(m.hasNickname()).isFalse();
        assertThat(m.hasTimestamp()).isFalse();
    }

    @Test
    void buddyChangedAlwaysSendsTheFullState() {
        main.buddyChanged("u@x", BuddyState.builder("bob").build());
        Protocol.Buddy b = only().payload(Protocol.Buddy.class);
        assertThat(b.hasStatus()).isTrue();
        assertThat(b.getStatus()).isEqualTo(Protocol.StatusType.STATUS_NONE);
        assertThat(b.hasStatusMessage()).isTrue();
        assertThat(b.hasIconHash()).isTrue();
        assertThat(b.hasBlocked()).isTrue();
        assertThat(b.hasAlias()).isTrue();
    }

    @Test
    void participantFlagsAreABitSet() {
        main.participantChanged("u@x", ParticipantState.builder("r", "me")
                .flags(EnumSet.of(ParticipantFlag.MODERATOR, ParticipantFlag.ME)).newname("me2").build());
        Protocol.Participant p = only().payload(Protocol.Participant.class);
        assertThat(p.getFlag()).isEqualTo(17);
        assertThat(p.getStatus()).isEqualTo(Protocol.StatusType.STATUS_ONLINE);
        assertThat(p.getNewname()).isEqualTo("me2");
    }

    @Test
    void typingStatesUseTheRightNumbers() {
        main.typing("u", "b");
        main.stoppedTyping("u", "b");
        main.typed("u", "b");
        assertThat(sink.frames).extracting(f -> f.type().getNumber()).containsExactly(18, 19, 20);
    }

    @Test
    void vcardEchoesTheRequestId() {
        main.vcard("u", "bob", 7, new VCardContent("Bob B", "bob", new byte[] {1, 2}));
        Protocol.VCard v = only().payload(Protocol.VCard.class);
        assertThat(v.getId()).isEqualTo(7);
        assertThat(v.getPhoto().toByteArray()).containsExactly(1, 2);
        assertThat(v.getFullname()).isEqualTo("Bob B");
    }

    @Test
    void roomsSubjectsNicknamesListsRawQuery() {
        main.roomSubject("u", "r", "topic", "alice");
        main.roomNicknameChanged("u", "r", "me2");
        main.roomList(null, List.of(new RoomListEntry("#a", "A")));
        main.roomList("u", List.of(new RoomListEntry("#b", null)));
        main.attention("u", "b", null);
        main.authRequest("u", "b");
        main.buddyRemoved("u", "b");
        main.rawXml("<message/>");
        main.query("status");
        assertThat(sink.frames).extracting(SpectrumMessage::type).containsExactly(
                Type.TYPE_ROOM_SUBJECT_CHANGED, Type.TYPE_ROOM_NICKNAME_CHANGED, Type.TYPE_ROOM_LIST, Type.TYPE_ROOM_LIST,
                Type.TYPE_ATTENTION, Type.TYPE_AUTH_REQUEST, Type.TYPE_BUDDY_REMOVED, Type.TYPE_RAW_XML, Type.TYPE_QUERY);
        assertThat(sink.frames.get(0).payload(Protocol.ConversationMessage.class).getNickname()).isEqualTo("alice");
        assertThat(sink.frames.get(2).payload(Protocol.RoomList.class).hasUser()).isFalse();
        assertThat(sink.frames.get(3).payload(Protocol.RoomList.class).getUser()).isEqualTo("u");
        assertThat(sink.frames.get(7).payload(RawXml.class).xml()).isEqualTo("<message/>");
        assertThat(sink.frames.get(8).payload(Protocol.BackendConfig.class).getConfig()).isEqualTo("status");
    }
}

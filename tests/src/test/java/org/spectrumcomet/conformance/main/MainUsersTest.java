package org.spectrumcomet.conformance.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.protocol.SpectrumMessage;
import org.spectrumcomet.protocol.pb.Protocol.Connected;
import org.spectrumcomet.protocol.pb.Protocol.Disconnected;
import org.spectrumcomet.protocol.pb.Protocol.Room;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

class MainUsersTest {

    private static final String JID = "u@localhost";

    private final Violations violations = new Violations();
    private final List<SpectrumMessage> sent = new ArrayList<>();
    private final MainUsers users = new MainUsers(violations, sent::add);

    private List<Type> sentTypes() {
        return sent.stream().map(SpectrumMessage::type).toList();
    }

    private static Connected connected() {
        return Connected.newBuilder().setUser(JID).build();
    }

    private static Disconnected disconnected(int error) {
        return Disconnected.newBuilder().setUser(JID).setError(error).build();
    }

    @Test
    void loginWaitsForTheFirstPongThenJoinsRoomsAfterConnected() {
        users.login(JID, "u", "pw");
        users.joinRoom(JID, "#r", "me", "");
        assertThat(sent).isEmpty();
        users.backendReady();
        assertThat(sentTypes()).containsExactly(Type.TYPE_LOGIN);
        users.onConnected(connected());
        assertThat(sentTypes()).containsExactly(Type.TYPE_LOGIN, Type.TYPE_STATUS_CHANGED, Type.TYPE_JOIN_ROOM);
        assertThat(violations.all()).isEmpty();
    }

    @Test
    void loginCarriesTheRealMainsAdhocSettingsAndOnlyTheFirstConnectedBringsPresence() {
        users.backendReady();
        users.login(JID, "u", "pw");
        assertThat(sent.get(0).payload(org.spectrumcomet.protocol.pb.Protocol.Login.class).getSettings().getValueMap())
                .containsExactlyInAnyOrderEntriesOf(MainUsers.LOGIN_SETTINGS);
        users.onConnected(connected());
        users.onDisconnected(disconnected(0));
        users.onConnected(connected());
        assertThat(sentTypes()).containsExactly(Type.TYPE_LOGIN, Type.TYPE_STATUS_CHANGED, Type.TYPE_STATUS_CHANGED,
                Type.TYPE_LOGOUT, Type.TYPE_LOGIN);
    }

    @Test
    void aSecondConnectedIsFlaggedAndReplaysJoins() {
        users.backendReady();
        users.login(JID, "u", "pw");
        users.onConnected(connected());
        users.joinRoom(JID, "#r", "me", "");
        users.onConnected(connected());
        assertThat(violations.all()).extracting(Violation::rule).containsExactly("second-answer");
        assertThat(sent.stream().filter(m -> m.type() == Type.TYPE_JOIN_ROOM)).hasSize(2);
    }

    @Test
    void networkErrorsReconnectThreeTimesThenGiveUp() {
        users.backendReady();
        users.login(JID, "u", "pw");
        for (int i = 0; i < 4; i++) {
            users.onDisconnected(disconnected(0));
        }
        assertThat(sentTypes()).containsExactly(Type.TYPE_LOGIN, Type.TYPE_STATUS_CHANGED,
                Type.TYPE_LOGOUT, Type.TYPE_LOGIN, Type.TYPE_LOGOUT, Type.TYPE_LOGIN, Type.TYPE_LOGOUT, Type.TYPE_LOGIN,
                Type.TYPE_LOGOUT);
        assertThat(users.isKnown(JID)).isFalse();
        assertThat(violations.all()).isEmpty();
    }

    @Test
    void aFinalErrorLogsOutAndALaterDisconnectedIsFlagged() {
        users.backendReady();
        users.login(JID, "u", "pw");
        users.onDisconnected(disconnected(2));
        assertThat(sentTypes()).endsWith(Type.TYPE_LOGOUT);
        users.onDisconnected(disconnected(2));
        assertThat(violations.all()).extracting(Violation::rule).containsExactly("disconnected-after-logout");
    }

    @Test
    void flagsFramesForUnknownUsersAndUnjoinedRooms() {
        users.backendReady();
        users.login(JID, "u", "pw");
        users.onConnected(connected());
        users.checkAddressee(Type.TYPE_BUDDY_CHANGED, "stranger@localhost", null);
        users.checkAddressee(Type.TYPE_PARTICIPANT_CHANGED, JID, "#nowhere");
        users.onRoomNickname(Room.newBuilder().setUserName(JID).setRoom("#nowhere").setNickname("x").build());
        assertThat(violations.all()).extracting(Violation::rule).containsExactly("unknown-user", "unknown-room");
    }

    @Test
    void vcardRepliesNeedAPendingId() {
        int id = users.newVCardId();
        users.onVCardReply(JID, id);
        users.onVCardReply(JID, id);
        assertThat(id).isZero();
        assertThat(violations.all()).extracting(Violation::rule).containsExactly("vcard-unknown-id");
    }
}

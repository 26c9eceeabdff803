package org.spectrumcomet.bridge.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.backend.outbound.BuddyState;
import org.spectrumcomet.backend.outbound.ChatMessage;
import org.spectrumcomet.backend.outbound.ConnectionError;
import org.spectrumcomet.backend.outbound.ParticipantState;
import org.spectrumcomet.backend.outbound.RoomListEntry;
import org.spectrumcomet.backend.outbound.VCardContent;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

class SessionMainInstanceTest {

    private static final String JID = "alice@example.org";

    private final RecordingMain recording = new RecordingMain();
    private final SessionMainInstance main = new SessionMainInstance(recording.main, JID);

    SessionMainInstanceTest() {
        recording.ledger.loginReceived(JID);
    }

    @Test
    void framesPassWhileTheSessionLives() {
        assertThat(main.connected(JID)).isTrue();
        assertThat(main.buddyChanged(JID, BuddyState.builder("17").build())).isTrue();
        assertThat(recording.types()).containsExactly(Type.TYPE_CONNECTED, Type.TYPE_BUDDY_CHANGED);
    }

    @Test
    void nothingPassesAfterEnd() {
        main.connected(JID);
        recording.clear();

        main.end();

        assertThat(List.of(
                main.buddyChanged(JID, BuddyState.builder("17").build()),
                main.buddyRemoved(JID, "17"),
                main.message(JID, ChatMessage.builder("17", "late").build()),
                main.messageAck(JID, "17", "m1"),
                main.participantChanged(JID, ParticipantState.builder("lobby", "bob").build()),
                main.roomSubject(JID, "lobby", "s", "bob"),
                main.roomNicknameChanged(JID, "lobby", "al"),
                main.typing(JID, "17"), main.typed(JID, "17"), main.stoppedTyping(JID, "17"),
                main.attention(JID, "17", "hey"),
                main.vcard(JID, "17", 3, VCardContent.empty()),
                main.authRequest(JID, "17"),
                main.roomList(JID, List.of(new RoomListEntry("lobby", "lobby"))),
                main.disconnected(JID, ConnectionError.NETWORK_ERROR, "late"))).containsOnly(false);
        assertThat(recording.frames).isEmpty();
    }

    @Test
    void disconnectedIsTheLastFrameAndSentOnce() {
        main.connected(JID);
        recording.clear();

        assertThat(main.endWith(ConnectionError.NETWORK_ERROR, "gone")).isTrue();
        assertThat(main.endWith(ConnectionError.NETWORK_ERROR, "again")).isFalse();
        main.message(JID, ChatMessage.builder("17", "after").build());

        assertThat(recording.types()).containsExactly(Type.TYPE_DISCONNECTED);
    }

    @Test
    void aFrameRacingEndEitherLeavesBeforeEndReturnsOrNever() throws Exception {
        main.connected(JID);
        Thread sender = new Thread(() -> {
            for (int i = 0; i < 100_000; i++) {
                main.typing(JID, "17");
            }
        });
        sender.start();
        while (recording.frames.size() < 10) {
            Thread.onSpinWait();
        }
        main.end();
        int atEnd = recording.frames.size();
        sender.join(10_000);

        assertThat(recording.frames).hasSize(atEnd);
    }
}

package org.spectrumcomet.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.parts.Resourcepart;
import org.spectrumcomet.echo.EchoRules;

/**
 * XEP-0045 rooms through the real Spectrum 2 with the echo backend, where every room holds
 * {@link EchoRules#OCCUPANTS}, replays {@link EchoRules#HISTORY_LINES} lines of history and echoes
 * the user's messages. Each test joins its own room as its own user.
 */
@Tag("peers")
class RoomIT {

    @RegisterExtension
    static final SpectrumServerFixture SPECTRUM = SpectrumServerFixture.with(PeerBackend::echo);

    @Test
    void joinListsTheOccupantsAndSelfThenSubjectAndDelayedHistory() throws Exception {
        Instant joinedAt = Instant.now();
        MultiUserChat room = join("liam", "lounge", "liam-nick");

        Deadline.await("occupants " + EchoRules.OCCUPANTS + " and self", () -> room.getOccupants().size() == 3);
        assertThat(room.getOccupants()).extracting(jid -> jid.getResourcepart().toString())
                .containsExactlyInAnyOrder("echo-bot", "echo-fan", "liam-nick");
        assertThat(room.getNickname()).hasToString("liam-nick");

        for (int line = 1; line <= EchoRules.HISTORY_LINES; line++) {
            Message history = RoomMessages.next(room, "history line " + line, m -> m.getBody() != null);
            assertThat(history.getBody()).isEqualTo("history line " + line);
            assertThat(history.getFrom().getResourceOrEmpty().toString()).isEqualTo(EchoRules.OCCUPANTS.get(0));
            DelayInformation delay = DelayInformation.from(history);
            assertThat(delay).as("XEP-0203 delay on history line " + line).isNotNull();
            assertThat(delay.getStamp().toInstant()).isBefore(joinedAt);
        }
        assertThat(room.getSubject()).isEqualTo("Echo room lounge");
    }

    @Test
    void roomMessagesAreEchoedUnderTheOwnNickAndTheBotAnswers() throws Exception {
        MultiUserChat room = join("mia", "studio", "mia-nick");
        skipHistory(room);

        room.sendMessage("hello room \"&<>\" \uD83D\uDE00");
        Message echo = RoomMessages.next(room, "echo of the own message", m -> m.getBody() != null);
        assertThat(echo.getBody()).isEqualTo("hello room \"&<>\" \uD83D\uDE00");
        assertThat(echo.getFrom().getResourceOrEmpty().toString()).isEqualTo("mia-nick");
        assertThat(DelayInformation.from(echo)).as("a live message has no delay").isNull();

        room.sendMessage(EchoRules.BOT_PREFIX + "hi all");
        RoomMessages.next(room, "echo of the bot command", m -> (EchoRules.BOT_PREFIX + "hi all").equals(m.getBody()));
        Message bot = RoomMessages.next(room, "echo-bot's answer", m -> "hi all".equals(m.getBody()));
        assertThat(bot.getFrom().getResourceOrEmpty().toString()).isEqualTo(EchoRules.OCCUPANTS.get(0));
    }

    @Test
    void leavingTheRoomEndsTheOccupancy() throws Exception {
        MultiUserChat room = join("noah", "hall", "noah-nick");
        skipHistory(room);

        Presence left = room.leave();

        assertThat(left.getType()).as("the reflected self-presence").isEqualTo(Presence.Type.unavailable);
        assertThat(left.getFrom().getResourceOrEmpty().toString()).isEqualTo("noah-nick");
        assertThat(room.isJoined()).isFalse();
        assertThat(room.getOccupants()).isEmpty();
    }

    private static MultiUserChat join(String user, String roomName, String nick) throws Exception {
        XMPPTCPConnection connection = SPECTRUM.clients().login(user, "pw");
        MultiUserChat room = MultiUserChatManager.getInstanceFor(connection)
                .getMultiUserChat(SPECTRUM.clients().jid(roomName));
        room.join(room.getEnterConfigurationBuilder(Resourcepart.from(nick))
                .requestMaxStanzasHistory(EchoRules.HISTORY_LINES)
                .timeoutAfter(SmackClients.REPLY_TIMEOUT_MS).build());
        return room;
    }

    private static void skipHistory(MultiUserChat room) throws Exception {
        RoomMessages.next(room, "last history line", m -> ("history line " + EchoRules.HISTORY_LINES).equals(m.getBody()));
    }
}

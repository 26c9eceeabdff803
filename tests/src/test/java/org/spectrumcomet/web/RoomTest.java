package org.spectrumcomet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.conformance.main.MainUser;
import org.spectrumcomet.protocol.SpectrumMessage;
import org.spectrumcomet.protocol.pb.Protocol.ConversationMessage;
import org.spectrumcomet.protocol.pb.Protocol.Participant;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/**
 * A room (pipe {@code demo_room}) with two browsers (bob 2002, carol 3003) and one XMPP user (alice
 * 1001 through the bridge): members, history with times, messages every way, no message shown
 * twice after a reload, and leaving.
 */
class RoomTest {

    private static final String ROOM = "demo_room";
    private static final int FLAG_ME = 16;
    private static ChatRig rig;
    private static MainUser alice;

    @BeforeAll
    static void start() throws Exception {
        rig = ChatRig.withBridge("room");
        alice = rig.xmppLogin(1001);
        rig.webUser(2002);
        rig.webUser(3003);
    }

    @AfterAll
    static void stop() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void twoBrowsersAndAnXmppUserShareARoom() throws Exception {
        try (ChatBrowser bob = ChatBrowser.open(rig.chatUrl()); ChatBrowser carol = ChatBrowser.open(rig.chatUrl())) {
            bob.signIn(2002, ChatRig.keyOf(2002), "bob");
            bob.joinRoom(ROOM);
            bob.type("Bob opens the room");
            bob.send();
            bob.awaitTrue("own message sent", () -> "sent".equals(bob.receiptOf("Bob opens the room")));

            long mark = rig.main().recording().mark();
            alice.joinRoom(ROOM, "alice");
            rig.awaitFrame(mark, "alice's own PARTICIPANT_CHANGED", m -> m.payload() instanceof Participant p
                    && p.getRoom().equals(ROOM) && (p.getFlag() & FLAG_ME) != 0);
            rig.awaitFrame(mark, "the room's history to alice", m -> m.type() == Type.TYPE_CONV_MESSAGE
                    && m.payload() instanceof ConversationMessage c && c.getBuddyName().equals(ROOM)
                    && c.getMessage().equals("Bob opens the room"));

            carol.signIn(3003, ChatRig.keyOf(3003), "carol");
            carol.joinRoom(ROOM);
            carol.awaitMessage("Bob opens the room"); // from history, with its time
            assertThat(carol.awaitMessage("Bob opens the room").getText()).contains("bob ·");

            alice.sendMessage(ROOM, "Alice from XMPP says hello", "a1");
            bob.awaitMessage("Alice from XMPP says hello");
            carol.awaitMessage("Alice from XMPP says hello");
            assertThat(carol.awaitMessage("Alice from XMPP says hello").getText()).contains("alice ·");

            mark = rig.main().recording().mark();
            carol.type("Carol answers from the second browser");
            carol.send();
            SpectrumMessage toAlice = rig.awaitFrame(mark, "carol's message in the room", m -> m.type() == Type.TYPE_CONV_MESSAGE
                    && m.payload() instanceof ConversationMessage c && c.getBuddyName().equals(ROOM)
                    && c.getMessage().equals("Carol answers from the second browser"));
            assertThat(((ConversationMessage) toAlice.payload()).getNickname()).isEqualTo("carol");
            bob.awaitMessage("Carol answers from the second browser");

            bob.awaitTrue("members listed", () -> bob.members().containsAll(List.of("1001", "2002", "3003")));
            bob.screenshot("room");
            List<String> expected = List.of("Bob opens the room", "Alice from XMPP says hello",
                    "Carol answers from the second browser");
            assertThat(bob.texts()).containsExactlyElementsOf(expected);
            assertThat(carol.texts()).containsExactlyElementsOf(expected);

            carol.reload(); // the room is joined again: history and live frames, each message once
            carol.awaitOnline();
            carol.find(".room[data-room='" + ROOM + "']").click();
            carol.awaitMessage("Carol answers from the second browser");
            Thread.sleep(500);
            assertThat(carol.texts()).containsExactlyElementsOf(expected);

            carol.find("#room-leave").click();
            carol.awaitTrue("room gone from the list", () -> carol.all(".room").isEmpty());
            bob.awaitTrue("carol left the members", () -> !bob.members().contains("3003"));
            alice.sendMessage(ROOM, "after carol left", "a2");
            bob.awaitMessage("after carol left");
            assertThat(carol.texts()).isEmpty();
        }
    }
}

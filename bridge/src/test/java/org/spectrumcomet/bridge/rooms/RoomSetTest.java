package org.spectrumcomet.bridge.rooms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spectrumcomet.bridge.session.BridgeFixture.JID;
import static org.spectrumcomet.bridge.session.BridgeFixture.NOW;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.backend.outbound.ParticipantFlag;
import org.spectrumcomet.bridge.comet.CometBody;
import org.spectrumcomet.bridge.comet.CometBodyCodec;
import org.spectrumcomet.bridge.session.BridgeFixture;
import org.spectrumcomet.bridge.session.CometMessage;
import org.spectrumcomet.bridge.session.FakeNetwork;
import org.spectrumcomet.protocol.pb.Protocol;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

class RoomSetTest {

    private static final long T0 = NOW.getEpochSecond() - 3600;

    private final BridgeFixture f = new BridgeFixture();
    private FakeNetwork.Link link;

    @BeforeEach
    void connect() {
        link = f.connect(JID, 42);
        f.main.clear();
    }

    private static CometMessage onPipe(String pipe, CometBody body, long sentAt) {
        return new CometMessage(pipe, "message", CometBodyCodec.encode(body), 0, sentAt, false);
    }

    private static CometBody text(String from, String nick, String text, String id) {
        return CometBody.text(from, nick, text, id, 0);
    }

    @Test
    void joinAnswersOccupantsThenSelfLastWithMeThenHistoryWithTimestamps() {
        f.network.subscribers.put("lobby", List.of(17L, 0L, 42L, 18L, 17L));
        f.network.history.put("lobby", List.of(
                new CometMessage("lobby", "message", CometBodyCodec.encode(text("17", "bob", "first", "h1")), 0, T0, true),
                new CometMessage("lobby", "message", "plain from the site", 0, T0 + 60, true)));

        f.joinRoom(JID, "lobby", "alice");

        assertThat(link.subscribed()).contains("lobby");
        assertThat(f.main.types()).containsExactly(Type.TYPE_PARTICIPANT_CHANGED, Type.TYPE_PARTICIPANT_CHANGED,
                Type.TYPE_PARTICIPANT_CHANGED, Type.TYPE_CONV_MESSAGE, Type.TYPE_CONV_MESSAGE);
        List<Protocol.Participant> who = f.main.participants();
        assertThat(who).extracting(Protocol.Participant::getNickname).containsExactly("bob", "18", "alice");
        assertThat(who.get(2).getFlag()).isEqualTo(ParticipantFlag.ME.bit());
        assertThat(who.get(0).getFlag() & ParticipantFlag.ME.bit()).isZero();
        assertThat(who).allSatisfy(p -> assertThat(p.getRoom()).isEqualTo("lobby"));

        List<Protocol.ConversationMessage> history = f.main.messages();
        assertThat(history.get(0).getNickname()).isEqualTo("bob");
        assertThat(history.get(0).getMessage()).isEqualTo("first");
        assertThat(history.get(0).getTimestamp()).isEqualTo("20261123T110000");
        assertThat(history.get(1).getNickname()).isEqualTo("comet");
        assertThat(history.get(1).getMessage()).isEqualTo("plain from the site");
        assertThat(history.get(1).getTimestamp()).isEqualTo("20261123T110100");
    }

    @Test
    void aRepeatedJoinResendsOccupantsAndSelfButNotHistory() {
        f.network.subscribers.put("lobby", List.of(17L));
        f.network.history.put("lobby", List.of(onPipe("lobby", text("17", "bob", "old", "h1"), T0)));
        f.joinRoom(JID, "lobby", "alice");
        f.main.clear();

        f.joinRoom(JID, "lobby", "alice");

        assertThat(f.main.types()).containsExactly(Type.TYPE_PARTICIPANT_CHANGED, Type.TYPE_PARTICIPANT_CHANGED);
        assertThat(f.main.participants().get(1).getNickname()).isEqualTo("alice");
    }

    @Test
    void anUnmappableRoomIsRefusedWithRoomNotFound() {
        f.joinRoom(JID, "#" + "x".repeat(70), "alice");

        assertThat(f.main.participants()).singleElement().satisfies(p -> {
            assertThat(p.getNickname()).isEqualTo("alice");
            assertThat(p.getFlag()).isEqualTo(ParticipantFlag.ROOM_NOT_FOUND.bit());
            assertThat(p.getStatusMessage()).contains("too long for a comet pipe");
        });
        assertThat(link.subscribed()).isEmpty();
    }

    @Test
    void escapedRoomsUseTheirPipeAndKeepTheRoomName() {
        f.joinRoom(JID, "#chat", "alice");
        assertThat(link.subscribed()).contains("x---23chat");
        link.listener.pipeMessage(onPipe("x---23chat", text("17", "bob", "hi", "m1"), NOW.getEpochSecond()));
        assertThat(f.main.messages()).singleElement().satisfies(m -> assertThat(m.getBuddyName()).isEqualTo("#chat"));
    }

    @Test
    void ownMessageIsEchoedOnceWhenCometAcceptsBeforeDelivering() {
        f.joinRoom(JID, "lobby", "alice");
        f.main.clear();

        f.send(JID, "lobby", "hello room", "s1");
        FakeNetwork.Sent sent = f.network.sentTo("lobby").get(0);
        assertThat(sent.body().nick()).isEqualTo("alice");
        link.listener.pipeMessage(onPipe("lobby", sent.body(), NOW.getEpochSecond()));

        assertThat(f.main.messages()).singleElement().satisfies(m -> {
            assertThat(m.getBuddyName()).isEqualTo("lobby");
            assertThat(m.getNickname()).isEqualTo("alice");
            assertThat(m.getMessage()).isEqualTo("hello room");
        });
        assertThat(f.main.of(Type.TYPE_CONV_MESSAGE_ACK, Protocol.ConversationMessage.class)).hasSize(1);
    }

    @Test
    void ownMessageIsEchoedOnceWhenCometDeliversBeforeAccepting() {
        f.joinRoom(JID, "lobby", "alice");
        f.main.clear();
        f.network.holdSends = true;

        f.send(JID, "lobby", "hello room", "");
        FakeNetwork.Sent sent = f.network.sentTo("lobby").get(0);
        link.listener.pipeMessage(onPipe("lobby", sent.body(), NOW.getEpochSecond()));
        sent.result().complete(null);

        assertThat(f.main.messages()).singleElement().satisfies(m -> assertThat(m.getNickname()).isEqualTo("alice"));
        assertThat(f.main.types()).doesNotContain(Type.TYPE_CONV_MESSAGE_ACK);
    }

    @Test
    void aRefusedRoomMessageIsNotEchoedNorAcked() {
        f.joinRoom(JID, "lobby", "alice");
        f.main.clear();
        f.network.holdSends = true;
        f.send(JID, "lobby", "hello", "s1");
        f.network.sent.get(0).result().completeExceptionally(new RuntimeException("ERR 12"));

        assertThat(f.main.messages()).singleElement().satisfies(m -> {
            assertThat(m.getBuddyName()).isEqualTo("comet");
            assertThat(m.getMessage()).contains("room lobby not delivered");
        });
        assertThat(f.main.types()).doesNotContain(Type.TYPE_CONV_MESSAGE_ACK);
    }

    @Test
    void messagesFromNewSendersAddThemAsOccupantsAndNickChangesAreAnnounced() {
        f.joinRoom(JID, "lobby", "alice");
        f.main.clear();

        link.listener.pipeMessage(onPipe("lobby", text("17", "bob", "one", "m1"), NOW.getEpochSecond()));
        link.listener.pipeMessage(onPipe("lobby", text("17", "robert", "two", "m2"), NOW.getEpochSecond()));
        link.listener.pipeMessage(onPipe("lobby", text("18", "alice", "three", "m3"), NOW.getEpochSecond()));

        assertThat(f.main.types()).containsExactly(Type.TYPE_PARTICIPANT_CHANGED, Type.TYPE_CONV_MESSAGE,
                Type.TYPE_PARTICIPANT_CHANGED, Type.TYPE_CONV_MESSAGE, Type.TYPE_PARTICIPANT_CHANGED,
                Type.TYPE_CONV_MESSAGE);
        List<Protocol.Participant> who = f.main.participants();
        assertThat(who.get(0).getNickname()).isEqualTo("bob");
        assertThat(who.get(1).getNickname()).isEqualTo("bob");
        assertThat(who.get(1).getNewname()).isEqualTo("robert");
        assertThat(who.get(2).getNickname()).isEqualTo("alice#18");
        assertThat(f.main.messages()).extracting(Protocol.ConversationMessage::getNickname)
                .containsExactly("bob", "robert", "alice#18");
    }

    @Test
    void trackPipesTakeOccupantsFromSubscriptionNotices() {
        f.joinRoom(JID, "track_game", "alice");
        f.main.clear();

        link.listener.tracked("track_game", 17, "u1", true);
        link.listener.tracked("track_game", 17, "u2", true);
        link.listener.tracked("track_game", 17, "u1", false);
        link.listener.tracked("track_game", 17, "u2", false);

        assertThat(f.main.participants()).extracting(Protocol.Participant::getNickname, p -> p.getStatus().getNumber())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("17", 0), org.assertj.core.groups.Tuple.tuple("17", 5));
    }

    @Test
    void liveMessagesDuringTheJoinWaitUntilAfterSelfAndHistoryWithoutDuplicates() {
        CometBody both = text("17", "bob", "in history and live", "m9");
        f.network.history.put("lobby", List.of(onPipe("lobby", both, T0)));
        f.network.queryGate = new java.util.concurrent.CompletableFuture<>();
        f.joinRoom(JID, "lobby", "alice");

        link.listener.pipeMessage(onPipe("lobby", both, T0));
        link.listener.pipeMessage(onPipe("lobby", text("18", "carol", "only live", "m10"), NOW.getEpochSecond()));
        assertThat(f.main.frames).isEmpty();
        f.network.queryGate.complete(null);

        assertThat(f.main.types()).containsExactly(Type.TYPE_PARTICIPANT_CHANGED, Type.TYPE_CONV_MESSAGE,
                Type.TYPE_PARTICIPANT_CHANGED, Type.TYPE_CONV_MESSAGE);
        assertThat(f.main.participants()).extracting(Protocol.Participant::getNickname).containsExactly("alice", "carol");
        assertThat(f.main.messages()).extracting(Protocol.ConversationMessage::getMessage)
                .containsExactly("in history and live", "only live");
        assertThat(f.main.messages().get(0).getTimestamp()).isEqualTo("20261123T110000");
        assertThat(f.main.messages().get(1).hasTimestamp()).isFalse();
    }

    @Test
    void afterAReconnectMissedMessagesAreReplayedFromHistoryWithoutDuplicates() {
        f.network.history.put("lobby", List.of(onPipe("lobby", text("17", "bob", "old", "h1"), T0)));
        f.joinRoom(JID, "lobby", "alice");
        link.listener.pipeMessage(onPipe("lobby", text("17", "bob", "live", "m1"), T0 + 10));
        f.main.clear();

        link.listener.linkLost("reset");
        f.network.history.put("lobby", List.of(
                onPipe("lobby", text("17", "bob", "old", "h1"), T0),
                onPipe("lobby", text("17", "bob", "live", "m1"), T0 + 10),
                onPipe("lobby", text("18", "carol", "missed", "m2"), T0 + 20)));
        link.listener.linkRestored(true);

        assertThat(f.main.messages()).singleElement().satisfies(m -> {
            assertThat(m.getMessage()).isEqualTo("missed");
            assertThat(m.getNickname()).isEqualTo("carol");
            assertThat(m.getTimestamp()).isEqualTo("20261123T110020");
        });
        assertThat(f.main.disconnects()).isEmpty();
    }

    @Test
    void liveMessagesDuringAReplayWaitUntilAfterTheReplayedOnesWithoutDuplicates() {
        f.joinRoom(JID, "lobby", "alice");
        link.listener.pipeMessage(onPipe("lobby", text("17", "bob", "before", "m1"), T0 + 10));
        link.listener.linkLost("reset");
        f.network.history.put("lobby", List.of(
                onPipe("lobby", text("17", "bob", "before", "m1"), T0 + 10),
                onPipe("lobby", text("18", "carol", "missed 1", "m2"), T0 + 20),
                onPipe("lobby", text("18", "carol", "missed 2", "m3"), T0 + 30),
                onPipe("lobby", text("17", "bob", "live and in history", "m4"), T0 + 40)));
        f.network.queryGate = new java.util.concurrent.CompletableFuture<>();
        link.listener.linkRestored(true);
        f.main.clear();

        link.listener.pipeMessage(onPipe("lobby", text("17", "bob", "live and in history", "m4"), T0 + 40));
        link.listener.pipeMessage(onPipe("lobby", text("18", "carol", "live only", "m5"), T0 + 50));
        assertThat(f.main.messages()).as("nothing before the replay").isEmpty();
        f.network.queryGate.complete(null);

        assertThat(f.main.messages()).extracting(Protocol.ConversationMessage::getMessage)
                .containsExactly("missed 1", "missed 2", "live and in history", "live only");
        assertThat(f.main.messages().get(0).getTimestamp()).isEqualTo("20261123T110020");

        f.main.clear();
        link.listener.pipeMessage(onPipe("lobby", text("18", "carol", "after", "m6"), NOW.getEpochSecond()));
        assertThat(f.main.messages()).extracting(Protocol.ConversationMessage::getMessage).containsExactly("after");
    }

    @Test
    void aFailedReplayStillReleasesTheHeldMessages() {
        f.joinRoom(JID, "lobby", "alice");
        link.listener.linkLost("reset");
        java.util.concurrent.CompletableFuture<Void> gate = new java.util.concurrent.CompletableFuture<>();
        f.network.queryGate = gate;
        link.listener.linkRestored(true);
        f.main.clear();

        link.listener.pipeMessage(onPipe("lobby", text("18", "carol", "live", "m5"), NOW.getEpochSecond()));
        gate.completeExceptionally(new RuntimeException("Socket error"));

        assertThat(f.main.messages()).extracting(Protocol.ConversationMessage::getMessage).containsExactly("live");
    }

    @Test
    void leaveRoomUnsubscribesAndStopsItsMessages() {
        f.joinRoom(JID, "lobby", "alice");
        f.handlers.rooms().orElseThrow().leaveRoom(Protocol.Room.newBuilder().setUserName(JID).setRoom("lobby")
                .setNickname("").build());
        f.main.clear();

        assertThat(link.subscribed()).doesNotContain("lobby");
        link.listener.pipeMessage(onPipe("lobby", text("17", "bob", "late", "m1"), NOW.getEpochSecond()));
        assertThat(f.main.frames).isEmpty();
    }

    @Test
    void aRoomPrivateMessageGoesToTheOccupantsPrivateChannel() {
        f.network.subscribers.put("lobby", List.of(17L));
        f.network.history.put("lobby", List.of(onPipe("lobby", text("17", "bob", "hi", "h1"), T0)));
        f.joinRoom(JID, "lobby", "alice");

        f.send(JID, "lobby/bob", "psst", "p1");
        f.send(JID, "lobby/nobody", "psst", "");

        assertThat(f.network.sentTo("17")).singleElement().satisfies(s -> assertThat(s.body().text()).isEqualTo("psst"));
        assertThat(f.main.of(Type.TYPE_CONV_MESSAGE_ACK, Protocol.ConversationMessage.class)).singleElement()
                .satisfies(a -> assertThat(a.getBuddyName()).isEqualTo("lobby/bob"));
        assertThat(f.main.messages().get(f.main.messages().size() - 1).getMessage()).contains("no such occupant");
    }

    @Test
    void cometsSenderIdWinsOverTheBodysClaim() {
        f.joinRoom(JID, "web_chat", "alice");
        f.main.clear();
        link.listener.pipeMessage(new CometMessage("web_chat", "message",
                CometBodyCodec.encode(text("42", "alice", "I am alice", "f1")), 66, NOW.getEpochSecond(), false));

        assertThat(f.main.messages()).singleElement().satisfies(m -> assertThat(m.getNickname()).isEqualTo("alice#66"));
    }
}

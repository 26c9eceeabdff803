package org.spectrumcomet.bridge.rooms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spectrumcomet.bridge.session.BridgeFixture.JID;
import static org.spectrumcomet.bridge.session.BridgeFixture.NOW;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.bridge.comet.CometBody;
import org.spectrumcomet.bridge.comet.CometBodyCodec;
import org.spectrumcomet.bridge.session.BridgeFixture;
import org.spectrumcomet.bridge.session.CometMessage;
import org.spectrumcomet.bridge.session.FakeNetwork;
import org.spectrumcomet.protocol.pb.Protocol;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/** ROOM_SUBJECT_CHANGED both ways, as {@link RoomSet} and {@link JoinedRoom} apply {@link RoomSubject}. */
class RoomSubjectTest {

    private static final long T0 = NOW.getEpochSecond() - 3600;

    private final BridgeFixture f = new BridgeFixture();
    private FakeNetwork.Link link;

    @BeforeEach
    void connect() {
        link = f.connect(JID, 42);
        f.main.clear();
    }

    private static CometMessage message(String from, String nick, String text, String id, long at) {
        return new CometMessage("lobby", "message", CometBodyCodec.encode(CometBody.text(from, nick, text, id, 0)), 0,
                at, false);
    }

    private static CometMessage subject(String from, String nick, String text, long at) {
        return new CometMessage("lobby", "subject", CometBodyCodec.encode(CometBody.subject(from, nick, text, 0)), 0,
                at, false);
    }

    private List<Protocol.ConversationMessage> subjects() {
        return f.main.of(Type.TYPE_ROOM_SUBJECT_CHANGED, Protocol.ConversationMessage.class);
    }

    private void setSubject(String room, String text) {
        f.handlers.rooms().orElseThrow().subjectChanged(Protocol.ConversationMessage.newBuilder()
                .setUserName(JID).setBuddyName(room).setMessage(text).build());
    }

    @Test
    void joinSendsTheNewestSubjectAfterSelfThenTheHistoryWithoutSubjectLines() {
        f.network.subscribers.put("lobby", List.of(17L));
        f.network.history.put("lobby", List.of(
                message("17", "bob", "first", "h1", T0),
                subject("17", "bob", "old topic", T0 + 10),
                message("17", "bob", "second", "h2", T0 + 20),
                subject("18", "carol", "new topic", T0 + 30),
                message("17", "bob", "third", "h3", T0 + 40)));

        f.joinRoom(JID, "lobby", "alice");

        assertThat(f.main.types()).containsExactly(Type.TYPE_PARTICIPANT_CHANGED, Type.TYPE_PARTICIPANT_CHANGED,
                Type.TYPE_ROOM_SUBJECT_CHANGED, Type.TYPE_CONV_MESSAGE, Type.TYPE_CONV_MESSAGE, Type.TYPE_CONV_MESSAGE);
        assertThat(subjects()).singleElement().satisfies(s -> {
            assertThat(s.getUserName()).isEqualTo(JID);
            assertThat(s.getBuddyName()).isEqualTo("lobby");
            assertThat(s.getMessage()).isEqualTo("new topic");
            assertThat(s.getNickname()).isEqualTo("carol");
        });
        assertThat(f.main.messages()).extracting(Protocol.ConversationMessage::getMessage)
                .containsExactly("first", "second", "third");
    }

    @Test
    void liveSubjectsFromOthersGoToTheMainWithTheSettersNickNeverEmpty() {
        f.joinRoom(JID, "lobby", "alice");
        f.main.clear();

        link.listener.pipeMessage(subject("17", "bob", "by bob", NOW.getEpochSecond()));
        link.listener.pipeMessage(new CometMessage("lobby", "subject", "\"bare web subject\"", 0, NOW.getEpochSecond(),
                false));
        link.listener.pipeMessage(new CometMessage("lobby", "subject", "{\"text\":\"by an id\"}", 19,
                NOW.getEpochSecond(), false));

        assertThat(subjects()).extracting(Protocol.ConversationMessage::getMessage, Protocol.ConversationMessage::getNickname)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("by bob", "bob"),
                        org.assertj.core.groups.Tuple.tuple("bare web subject", "lobby"),
                        org.assertj.core.groups.Tuple.tuple("by an id", "19"));
        assertThat(f.main.messages()).as("subjects are no chat lines").isEmpty();
    }

    @Test
    void aBodyOfKindSubjectCountsEvenUnderAnotherEvent() {
        f.joinRoom(JID, "lobby", "alice");
        f.main.clear();

        link.listener.pipeMessage(new CometMessage("lobby", "message",
                "{\"kind\":\"subject\",\"nick\":\"web\",\"text\":\"via kind\"}", 0, NOW.getEpochSecond(), false));

        assertThat(subjects()).extracting(Protocol.ConversationMessage::getMessage).containsExactly("via kind");
        assertThat(f.main.messages()).isEmpty();
    }

    @Test
    void theUsersSubjectIsPublishedWithTheDocumentedBodyAndShownOnce() {
        f.joinRoom(JID, "lobby", "alice");
        f.main.clear();

        setSubject("lobby", "Topic \"quoted\" & <b>");

        FakeNetwork.Sent sent = f.network.sentTo("lobby").get(0);
        assertThat(sent.event()).isEqualTo("subject");
        assertThat(CometBodyCodec.encode(sent.body())).isEqualTo("{\"kind\":\"subject\",\"from\":\"42\",\"nick\":\"alice\","
                + "\"text\":\"Topic \\\"quoted\\\" & <b>\",\"ts\":" + NOW.toEpochMilli() + "}");
        link.listener.pipeMessage(new CometMessage("lobby", "subject", CometBodyCodec.encode(sent.body()), 42,
                NOW.getEpochSecond(), false));

        assertThat(subjects()).singleElement().satisfies(s -> {
            assertThat(s.getMessage()).isEqualTo("Topic \"quoted\" & <b>");
            assertThat(s.getNickname()).isEqualTo("alice");
        });
    }

    @Test
    void aRefusedSubjectIsNotShownAndTheUserIsTold() {
        f.joinRoom(JID, "lobby", "alice");
        f.main.clear();
        f.network.holdSends = true;

        setSubject("lobby", "never");
        f.network.sentTo("lobby").get(0).result().completeExceptionally(new RuntimeException("comet said no"));

        assertThat(subjects()).isEmpty();
        assertThat(f.main.messages()).singleElement()
                .satisfies(m -> assertThat(m.getMessage()).startsWith("subject of room lobby not set"));
    }

    @Test
    void aSubjectForARoomNotJoinedIsIgnored() {
        setSubject("elsewhere", "x");
        assertThat(f.network.sent).isEmpty();
        assertThat(f.main.frames).isEmpty();
    }

    @Test
    void aRepeatedJoinResendsTheSubjectAfterSelf() {
        f.network.history.put("lobby", List.of(subject("17", "bob", "topic", T0)));
        f.joinRoom(JID, "lobby", "alice");
        f.main.clear();

        f.joinRoom(JID, "lobby", "alice");

        assertThat(f.main.types()).containsExactly(Type.TYPE_PARTICIPANT_CHANGED, Type.TYPE_ROOM_SUBJECT_CHANGED);
        assertThat(subjects().get(0).getMessage()).isEqualTo("topic");
    }

    @Test
    void aReplayAfterAReconnectNeitherRepeatsTheSubjectNorTheHistory() {
        f.network.history.put("lobby", List.of(message("17", "bob", "old", "h1", T0), subject("17", "bob", "topic", T0 + 5)));
        f.joinRoom(JID, "lobby", "alice");
        f.main.clear();

        link.listener.linkLost("reset");
        f.network.history.put("lobby", List.of(message("17", "bob", "old", "h1", T0), subject("17", "bob", "topic", T0 + 5),
                subject("18", "carol", "changed meanwhile", T0 + 6)));
        link.listener.linkRestored(true);
        link.listener.linkLost("reset again");
        link.listener.linkRestored(true);

        assertThat(f.main.messages()).isEmpty();
        assertThat(subjects()).extracting(Protocol.ConversationMessage::getMessage).containsExactly("changed meanwhile");
    }

    @Test
    void theSameSubjectBySameSetterIsShownOnlyOnce() {
        RoomSubject s = new RoomSubject();
        assertThat(s.isKnown()).isFalse();
        assertThat(s.change("t", "bob")).isTrue();
        assertThat(s.change("t", "bob")).isFalse();
        assertThat(s.change("t", "carol")).isTrue();
        assertThat(s.change("", "carol")).isTrue();
        assertThat(s.text()).isEmpty();
        assertThat(s.setter()).isEqualTo("carol");
    }
}

package org.spectrumcomet.bridge.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spectrumcomet.bridge.session.BridgeFixture.JID;
import static org.spectrumcomet.bridge.session.BridgeFixture.NOW;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.bridge.comet.CometBody;
import org.spectrumcomet.bridge.comet.CometBodyCodec;
import org.spectrumcomet.bridge.session.BridgeFixture;
import org.spectrumcomet.bridge.session.CometMessage;
import org.spectrumcomet.bridge.session.FakeNetwork;
import org.spectrumcomet.protocol.pb.Protocol;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

class PrivateChatTest {

    private final BridgeFixture f = new BridgeFixture();
    private FakeNetwork.Link link;

    @BeforeEach
    void connect() {
        link = f.connect(JID, 42);
        f.main.clear();
    }

    private static CometMessage privateMessage(CometBody body, long sentAt, boolean fromQueue) {
        return new CometMessage("msg", "message", CometBodyCodec.encode(body), 0, sentAt, fromQueue);
    }

    private MessageRequests messages() {
        return (MessageRequests) f.handlers.messages().orElseThrow();
    }

    @Test
    void aMessageToABuddyIsAPrivateCometMessageWithTheJsonBody() {
        f.send(JID, "17", "hi 'there'", "");

        FakeNetwork.Sent sent = f.network.sentTo("17").get(0);
        assertThat(sent.event()).isEqualTo("message");
        assertThat(sent.body().kind()).isEqualTo(CometBody.Kind.TEXT);
        assertThat(sent.body().from()).isEqualTo("42");
        assertThat(sent.body().text()).isEqualTo("hi 'there'");
        assertThat(sent.body().id()).isNotBlank();
        assertThat(sent.body().ts()).isEqualTo(NOW.toEpochMilli());
        assertThat(f.main.frames).isEmpty();
    }

    @Test
    void anAckFollowsOnlyWhenCometAcceptedAMessageWithAnId() {
        f.network.holdSends = true;
        f.send(JID, "17", "one", "stanza-1");
        f.send(JID, "17", "two", "");
        f.send(JID, "17", "three", "stanza-3");
        assertThat(f.main.frames).isEmpty();

        f.network.sent.get(0).result().complete(null);
        f.network.sent.get(1).result().complete(null);
        f.network.sent.get(2).result().completeExceptionally(new RuntimeException("ERR 12 invalid value"));

        assertThat(f.main.of(Type.TYPE_CONV_MESSAGE_ACK, Protocol.ConversationMessage.class))
                .singleElement().satisfies(ack -> {
                    assertThat(ack.getId()).isEqualTo("stanza-1");
                    assertThat(ack.getBuddyName()).isEqualTo("17");
                });
        assertThat(f.network.sentTo("17").get(0).body().id()).isEqualTo("stanza-1");
        assertThat(f.main.messages()).singleElement().satisfies(m -> {
            assertThat(m.getBuddyName()).isEqualTo(PrivateChat.PSEUDO_BUDDY);
            assertThat(m.getMessage()).contains("message to 17 not delivered").contains("ERR 12");
        });
    }

    @Test
    void sendsOfOneUserLeaveInOrderOneAtATime() {
        f.network.holdSends = true;
        f.send(JID, "17", "one", "");
        f.send(JID, "17", "two", "");
        assertThat(f.network.sent).hasSize(1);
        f.network.sent.get(0).result().complete(null);
        assertThat(f.network.sent).extracting(s -> s.body().text()).containsExactly("one", "two");
    }

    @Test
    void aMessageToANonIdIsRefusedWithANotice() {
        f.send(JID, "bob", "hi", "s1");
        assertThat(f.network.sent).isEmpty();
        assertThat(f.main.messages()).singleElement()
                .satisfies(m -> assertThat(m.getMessage()).contains("not a comet user id"));
        assertThat(f.main.types()).doesNotContain(Type.TYPE_CONV_MESSAGE_ACK);
    }

    @Test
    void aTooLongMessageIsRefusedNotCut() {
        f.send(JID, "17", "'".repeat(2000), "s1");
        assertThat(f.network.sent).isEmpty();
        assertThat(f.main.messages()).singleElement()
                .satisfies(m -> assertThat(m.getMessage()).contains("too long"));
    }

    @Test
    void typingGoesOnlyToOnlineBuddies() {
        f.network.lastOnline.put(17L, 0L);
        f.network.lastOnline.put(18L, 1_700_000_000L);

        messages().typing(f.buddy(JID, "17"));
        messages().typing(f.buddy(JID, "18"));
        messages().typed(f.buddy(JID, "17"));
        messages().stoppedTyping(f.buddy(JID, "17"));
        messages().attention(Protocol.ConversationMessage.newBuilder().setUserName(JID).setBuddyName("18")
                .setMessage("buzz").build());

        assertThat(f.network.sentTo("18")).isEmpty();
        assertThat(f.network.sentTo("17")).extracting(s -> s.body().kind())
                .containsExactly(CometBody.Kind.TYPING, CometBody.Kind.PAUSED, CometBody.Kind.STOPPED);
        assertThat(f.network.sentTo("17")).extracting(FakeNetwork.Sent::event).containsOnly("typing");
    }

    @Test
    void attentionCarriesItsText() {
        f.network.lastOnline.put(17L, 0L);
        messages().attention(Protocol.ConversationMessage.newBuilder().setUserName(JID).setBuddyName("17")
                .setMessage("wake up").build());
        assertThat(f.network.sentTo("17")).singleElement().satisfies(s -> {
            assertThat(s.body().kind()).isEqualTo(CometBody.Kind.ATTENTION);
            assertThat(s.body().text()).isEqualTo("wake up");
        });
    }

    @Test
    void aLivePrivateMessageComesFromTheSenderIdWithoutTimestamp() {
        link.listener.privateMessage(privateMessage(
                CometBody.text("17", "bob", "hello", "m1", NOW.toEpochMilli() - 2000), 0, false));

        assertThat(f.main.messages()).singleElement().satisfies(m -> {
            assertThat(m.getBuddyName()).isEqualTo("17");
            assertThat(m.getMessage()).isEqualTo("hello");
            assertThat(m.getNickname()).isEmpty();
            assertThat(m.hasTimestamp()).isFalse();
        });
    }

    @Test
    void aQueuedPrivateMessageKeepsItsTime() {
        link.listener.privateMessage(privateMessage(CometBody.text("17", null, "while you were away", "m1", 0),
                1_795_394_029L, true));

        assertThat(f.main.messages()).singleElement()
                .satisfies(m -> assertThat(m.getTimestamp()).isEqualTo("20261123T003349"));
    }

    @Test
    void aMessageWithoutSenderComesFromThePseudoBuddy() {
        link.listener.privateMessage(new CometMessage("msg", "notice", "server says \\'hi\\'", 0, 0, false));
        link.listener.privateMessage(new CometMessage("msg", "notice", "{\"order\":7}", 0, 0, false));

        assertThat(f.main.messages()).extracting(Protocol.ConversationMessage::getBuddyName)
                .containsExactly("comet", "comet");
        assertThat(f.main.messages()).extracting(Protocol.ConversationMessage::getMessage)
                .containsExactly("server says 'hi'", "{\"order\":7}");
    }

    @Test
    void chatStatesAndAttentionComeBackAsTheirFrames() {
        for (CometBody.Kind kind : new CometBody.Kind[] {CometBody.Kind.TYPING, CometBody.Kind.PAUSED,
            CometBody.Kind.STOPPED, CometBody.Kind.ATTENTION}) {
            link.listener.privateMessage(privateMessage(CometBody.notice(kind, "17", null, 0), 0, false));
        }
        assertThat(f.main.types()).containsExactly(Type.TYPE_BUDDY_TYPING, Type.TYPE_BUDDY_TYPED,
                Type.TYPE_BUDDY_STOPPED_TYPING, Type.TYPE_ATTENTION);
        assertThat(f.main.of(Type.TYPE_BUDDY_TYPED, Protocol.Buddy.class).get(0).getBuddyName()).isEqualTo("17");
    }
}

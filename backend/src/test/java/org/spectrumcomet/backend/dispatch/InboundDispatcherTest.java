package org.spectrumcomet.backend.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.backend.Handlers;
import org.spectrumcomet.backend.handler.MessageHandler;
import org.spectrumcomet.backend.handler.SessionHandler;
import org.spectrumcomet.backend.handler.VCardHandler;
import org.spectrumcomet.backend.outbound.FramedMainInstance;
import org.spectrumcomet.backend.outbound.LoginLedger;
import org.spectrumcomet.backend.outbound.RecordingSink;
import org.spectrumcomet.protocol.RawXml;
import org.spectrumcomet.protocol.SpectrumMessage;
import org.spectrumcomet.protocol.pb.Protocol;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

class InboundDispatcherTest {

    private final RecordingSink sink = new RecordingSink();
    private final LoginLedger ledger = new LoginLedger();
    private final FramedMainInstance main = new FramedMainInstance(sink, ledger);
    private final UserQueues queues = new UserQueues(4, 3, Duration.ofSeconds(5));

    @AfterEach
    void tearDown() {
        queues.shutdown(Duration.ofMillis(500));
    }

    private InboundDispatcher dispatcher(Handlers handlers) {
        return new InboundDispatcher(handlers, main, ledger, queues);
    }

    private static SpectrumMessage login(String user) {
        return SpectrumMessage.of(Type.TYPE_LOGIN,
                Protocol.Login.newBuilder().setUser(user).setLegacyName(user).setPassword("").build());
    }

    private static SpectrumMessage logout(String user) {
        return SpectrumMessage.of(Type.TYPE_LOGOUT, Protocol.Logout.newBuilder().setUser(user).setLegacyName(user).build());
    }

    private static SpectrumMessage message(String user, String text) {
        return SpectrumMessage.of(Type.TYPE_CONV_MESSAGE, Protocol.ConversationMessage.newBuilder()
                .setUserName(user).setBuddyName("bob").setMessage(text).build());
    }

    private SpectrumMessage awaitFrame(Predicate<SpectrumMessage> match) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (System.nanoTime() < deadline) {
            for (SpectrumMessage f : sink.frames) {
                if (match.test(f)) {
                    return f;
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no matching frame; got " + sink.frames);
    }

    private void settle() throws InterruptedException {
        CountDownLatch marker = new CountDownLatch(1);
        for (String user : List.of("", "a@x", "b@x")) {
            queues.submit(user, "marker", () -> { });
        }
        queues.submit("a@x", "marker", marker::countDown);
        marker.await(2, TimeUnit.SECONDS);
        Thread.sleep(50);
    }

    @Test
    void loginWithoutSessionHandlerIsRefusedForGood() throws Exception {
        dispatcher(Handlers.builder().build()).accept(login("a@x"));
        Protocol.Disconnected d = awaitFrame(f -> f.type() == Type.TYPE_DISCONNECTED).payload(Protocol.Disconnected.class);
        assertThat(d.getUser()).isEqualTo("a@x");
        assertThat(d.getError()).isEqualTo(3);
        assertThat(d.getMessage()).isEqualTo("this backend cannot log users in");
    }

    @Test
    void aLoginHandlerThatThrowsGetsOneDisconnectedOtherError() throws Exception {
        SessionHandler failing = new SessionHandler() {
            @Override
            public void login(Protocol.Login login) {
                throw new IllegalStateException("boom");
            }

            @Override
            public void logout(Protocol.Logout logout) {
            }
        };
        dispatcher(Handlers.builder().session(failing).build()).accept(login("a@x"));
        Protocol.Disconnected d = awaitFrame(f -> f.type() == Type.TYPE_DISCONNECTED).payload(Protocol.Disconnected.class);
        assertThat(d.getError()).isEqualTo(16);
        settle();
        assertThat(sink.frames).hasSize(1);
    }

    @Test
    void aLoginAnsweredThenThrowingIsNotAnsweredTwice() throws Exception {
        SessionHandler answersThenThrows = new SessionHandler() {
            @Override
            public void login(Protocol.Login login) {
                main.connected(login.getUser());
                main.connected(login.getUser());
                throw new IllegalStateException("after answering");
            }

            @Override
            public void logout(Protocol.Logout logout) {
                main.disconnected(logout.getUser(), org.spectrumcomet.backend.outbound.ConnectionError.NETWORK_ERROR, "late");
            }
        };
        InboundDispatcher d = dispatcher(Handlers.builder().session(answersThenThrows).build());
        d.accept(login("a@x"));
        d.accept(logout("a@x"));
        settle();
        assertThat(sink.frames).extracting(SpectrumMessage::type).containsExactly(Type.TYPE_CONNECTED);
    }

    @Test
    void aThrowingHandlerAffectsOnlyItsUser() throws Exception {
        List<String> delivered = new CopyOnWriteArrayList<>();
        MessageHandler handler = m -> {
            if (m.getUserName().equals("a@x")) {
                throw new IllegalStateException("a's handler is broken");
            }
            delivered.add(m.getUserName() + ":" + m.getMessage());
        };
        InboundDispatcher d = dispatcher(Handlers.builder().messages(handler).build());
        d.accept(message("a@x", "1"));
        d.accept(message("b@x", "1"));
        d.accept(message("a@x", "2"));
        d.accept(message("b@x", "2"));
        settle();
        assertThat(delivered).containsExactly("b@x:1", "b@x:2");
    }

    @Test
    void joinRoomWithoutRoomHandlerIsRoomNotFoundOnTheOwnNick() throws Exception {
        dispatcher(Handlers.builder().build()).accept(SpectrumMessage.of(Type.TYPE_JOIN_ROOM,
                Protocol.Room.newBuilder().setUserName("a@x").setNickname("me").setRoom("#r").setPassword("").build()));
        Protocol.Participant p = awaitFrame(f -> f.type() == Type.TYPE_PARTICIPANT_CHANGED).payload(Protocol.Participant.class);
        assertThat(p.getRoom()).isEqualTo("#r");
        assertThat(p.getNickname()).isEqualTo("me");
        assertThat(p.getFlag() & 64).isEqualTo(64);
        assertThat(p.getStatusMessage()).isEqualTo("rooms are not supported by this backend");
    }

    @Test
    void vcardRequestWithoutHandlerGetsAnEmptyVCardWithTheId() throws Exception {
        dispatcher(Handlers.builder().build()).accept(SpectrumMessage.of(Type.TYPE_VCARD,
                Protocol.VCard.newBuilder().setUserName("a@x").setBuddyName("bob").setId(41).build()));
        Protocol.VCard v = awaitFrame(f -> f.type() == Type.TYPE_VCARD).payload(Protocol.VCard.class);
        assertThat(v.getId()).isEqualTo(41);
        assertThat(v.getBuddyName()).isEqualTo("bob");
        assertThat(v.hasPhoto()).isFalse();
    }

    @Test
    void vcardWithPhotoIsAnOwnUpdateNotARequest() throws Exception {
        List<String> calls = new CopyOnWriteArrayList<>();
        VCardHandler handler = new VCardHandler() {
            @Override
            public void vcardRequested(Protocol.VCard request) {
                calls.add("request " + request.getId());
            }

            @Override
            public void ownVCardUpdated(Protocol.VCard vcard) {
                calls.add("own " + vcard.getNickname());
            }
        };
        InboundDispatcher d = dispatcher(Handlers.builder().vcards(handler).build());
        d.accept(SpectrumMessage.of(Type.TYPE_VCARD, Protocol.VCard.newBuilder()
                .setUserName("a@x").setBuddyName("").setId(0).setNickname("me").setPhoto(ByteString.EMPTY).build()));
        d.accept(SpectrumMessage.of(Type.TYPE_VCARD, Protocol.VCard.newBuilder()
                .setUserName("a@x").setBuddyName("bob").setId(0).build()));
        settle();
        assertThat(calls).containsExactly("own me", "request 0");
        assertThat(sink.frames).isEmpty();
    }

    @Test
    void framesWithoutHandlersAreIgnored() throws Exception {
        InboundDispatcher d = dispatcher(Handlers.builder().build());
        d.accept(message("a@x", "hi"));
        d.accept(SpectrumMessage.of(Type.TYPE_RAW_XML, new RawXml("<message/>")));
        d.accept(SpectrumMessage.of(Type.TYPE_API_VERSION, Protocol.APIVersion.newBuilder().setVersion(1).build()));
        d.accept(SpectrumMessage.of(Type.TYPE_LEAVE_ROOM,
                Protocol.Room.newBuilder().setUserName("a@x").setNickname("").setRoom("#r").build()));
        d.accept(logout("a@x"));
        settle();
        assertThat(sink.frames).isEmpty();
    }

    @Test
    void rawXmlAndQueryAnswersReachTheirHandlers() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        InboundDispatcher d = dispatcher(Handlers.builder().rawXml(seen::add).queries(a -> seen.add("answer " + a)).build());
        d.accept(SpectrumMessage.of(Type.TYPE_RAW_XML, new RawXml("<presence/>")));
        d.accept(SpectrumMessage.of(Type.TYPE_QUERY, Protocol.BackendConfig.newBuilder().setConfig("Running").build()));
        settle();
        assertThat(seen).containsExactly("<presence/>", "answer Running");
    }

    @Test
    void aLoginBeyondTheBacklogIsAnsweredWithOtherError() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        MessageHandler stuck = blockedUntil(release);
        InboundDispatcher d = dispatcher(Handlers.builder().messages(stuck).session(new SessionHandler() {
            @Override
            public void login(Protocol.Login login) {
                main.connected(login.getUser());
            }

            @Override
            public void logout(Protocol.Logout logout) {
            }
        }).build());
        fillTheBacklogOfA(d);
        d.accept(login("a@x"));
        Protocol.Disconnected dis = awaitFrame(f -> f.type() == Type.TYPE_DISCONNECTED).payload(Protocol.Disconnected.class);
        assertThat(dis.getError()).isEqualTo(16);
        release.countDown();
    }

    @Test
    void aJoinAndAVCardRequestBeyondTheBacklogAreAnsweredAsOverloaded() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        MessageHandler stuck = blockedUntil(release);
        List<String> handled = new CopyOnWriteArrayList<>();
        InboundDispatcher d = dispatcher(Handlers.builder().messages(stuck)
                .rooms(new org.spectrumcomet.backend.handler.RoomHandler() {
                    @Override
                    public void joinRoom(Protocol.Room room) {
                        handled.add("join " + room.getRoom());
                    }

                    @Override
                    public void leaveRoom(Protocol.Room room) {
                    }
                }).build());
        fillTheBacklogOfA(d);
        d.accept(SpectrumMessage.of(Type.TYPE_JOIN_ROOM,
                Protocol.Room.newBuilder().setUserName("a@x").setNickname("al").setRoom("#r").build()));
        d.accept(SpectrumMessage.of(Type.TYPE_VCARD, Protocol.VCard.newBuilder()
                .setUserName("a@x").setBuddyName("bob").setId(7).build()));
        d.accept(message("a@x", "dropped, unanswered"));

        Protocol.Participant refused = awaitFrame(f -> f.type() == Type.TYPE_PARTICIPANT_CHANGED).payload(Protocol.Participant.class);
        assertThat(refused.getRoom()).isEqualTo("#r");
        assertThat(refused.getNickname()).isEqualTo("al");
        assertThat(refused.getStatusMessage()).isEqualTo(InboundDispatcher.OVERLOADED);
        Protocol.VCard empty = awaitFrame(f -> f.type() == Type.TYPE_VCARD).payload(Protocol.VCard.class);
        assertThat(empty.getId()).isEqualTo(7);
        assertThat(empty.getBuddyName()).isEqualTo("bob");
        assertThat(sink.frames).hasSize(2);
        release.countDown();
        settle();
        assertThat(handled).isEmpty();
    }

    /** A message handler that blocks until {@code release} opens. */
    private static MessageHandler blockedUntil(CountDownLatch release) {
        return m -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    /** a@x's first message runs (and blocks in a stuck handler), three more wait: the backlog of 3 is full. */
    private void fillTheBacklogOfA(InboundDispatcher d) throws InterruptedException {
        d.accept(message("a@x", "m0"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (queues.waiting("a@x") > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5); // until m0 runs (and blocks)
        }
        for (int i = 1; i < 4; i++) {
            d.accept(message("a@x", "m" + i));
        }
    }
}

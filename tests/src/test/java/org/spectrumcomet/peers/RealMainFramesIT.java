package org.spectrumcomet.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.receipts.DeliveryReceiptManager;
import org.jivesoftware.smackx.receipts.DeliveryReceiptRequest;
import org.jivesoftware.smackx.vcardtemp.VCardManager;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.parts.Resourcepart;
import org.spectrumcomet.conformance.main.MainUsers;
import org.spectrumcomet.protocol.SpectrumMessage;
import org.spectrumcomet.protocol.pb.Protocol;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/**
 * What the real Spectrum 2 main sends and accepts, recorded by {@link FrameTap} between it and
 * the echo backend while Smack users log in, chat with a receipt, join a room (subject, message,
 * leave), fetch a vCard and log out ({@code tests/target/peers/RealMainFramesIT/frames.log}).
 * The first test drives the session (about 45 s: it waits for two ping ticks); the others assert
 * on the recording, the last one against the emulated main ({@link EmulatedMainSession}).
 * Differences are listed in tests/PEERS.md, "Real main vs emulated main".
 */
@Tag("peers")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealMainFramesIT {

    static final Path LOG = PeerBackend.repoRoot().resolve("tests/target/peers/RealMainFramesIT/frames.log");
    /** Spectrum's one global ping timer (NetworkPluginServer, 20 s). */
    static final Duration TICK = Duration.ofSeconds(20);
    /** Bound for a login that waits for a backend process to be spawned. */
    static final long SPAWN_TIMEOUT_MS = 40_000;

    @RegisterExtension
    static final SpectrumServerFixture SPECTRUM = SpectrumServerFixture.with(() -> FrameTap.around(PeerBackend.echo(), LOG));

    private static RealSession real;

    /** What the drive saw from the client side, next to the frames. */
    record RealSession(List<TappedFrame> frames, long tap, Instant loginReturned, String receiptFor, String receiptId) {

        List<TappedFrame> fromMain(Type type) {
            return frames.stream().filter(f -> f.tap() == tap && f.fromMain() && f.is(type)).toList();
        }

        /** The types the main sent about {@code jid}, in order (on whichever connection). */
        List<Type> sentAbout(String jid) {
            return frames.stream().filter(f -> f.fromMain() && f.message() != null)
                    .map(TappedFrame::message).filter(m -> jid.equals(FrameShape.user(m))).map(m -> m.type()).toList();
        }

        TappedFrame first(Predicate<TappedFrame> match) {
            return frames.stream().filter(f -> f.tap() == tap).filter(match).findFirst()
                    .orElseThrow(() -> new AssertionError("no such frame in " + LOG));
        }
    }

    @Test
    @Order(1)
    void driveOneSessionThroughTheRealMain() throws Exception {
        XMPPTCPConnection tara = SPECTRUM.clients().login("tara", "pw");
        Instant loginReturned = Instant.now();
        EntityBareJid buddy = SPECTRUM.clients().jid("buddy");
        CompletableFuture<String> receipt = new CompletableFuture<>();
        DeliveryReceiptManager.getInstanceFor(tara).addReceiptReceivedListener((from, to, id, stanza) -> receipt.complete(id));
        MessageBuilder message = tara.getStanzaFactory().buildMessageStanza().to(buddy).ofType(Message.Type.chat)
                .setBody("tapped hello");
        DeliveryReceiptRequest.addTo(message);
        Message sent = message.build();
        tara.sendStanza(sent);
        String receiptId = receipt.get(SmackClients.REPLY_TIMEOUT_MS, TimeUnit.MILLISECONDS);

        MultiUserChat room = join(tara, "tapped", "tara-nick");
        room.changeSubject("Tapped subject"); // waits for the subject to come back from the room
        room.sendMessage("tapped room line");
        room.leave();
        assertThat(VCardManager.getInstanceFor(tara).loadVCard(buddy).getNickName()).isEqualTo("buddy");

        XMPPTCPConnection uma = SPECTRUM.clients().login("uma", "pw");
        join(uma, "kept", "uma-nick");
        uma.disconnect(); // still in the room: what does the main send?
        awaitFrames("LOGOUT for uma", frames -> frames.stream().anyMatch(f -> f.is(Type.TYPE_LOGOUT)
                && f.payload(Protocol.Logout.class).getUser().equals("uma@localhost")), Duration.ofSeconds(10));

        long tap = TappedFrame.readAll(LOG).stream().filter(f -> f.is(Type.TYPE_LOGIN)).findFirst().orElseThrow().tap();
        awaitFrames("two ping ticks after the first PING", frames -> frames.stream()
                .filter(f -> f.tap() == tap && f.is(Type.TYPE_PING)).count() >= 3, TICK.multipliedBy(3));
        tara.disconnect();
        awaitFrames("EXIT to the backend left without users", all -> all.stream().anyMatch(f -> f.tap() == tap
                && f.is(Type.TYPE_EXIT)), TICK.plusSeconds(5));
        // On a backend spawned for her: SASL waits for a new JVM (and the tap), slow on a busy machine.
        XMPPTCPConnection vera = SPECTRUM.clients().connect("vera", "pw");
        vera.setReplyTimeout(SPAWN_TIMEOUT_MS);
        vera.login();
        // Smack sends its presence right after login; disconnecting sooner would race it.
        awaitFrames("STATUS_CHANGED for vera", all -> all.stream().anyMatch(f -> f.is(Type.TYPE_STATUS_CHANGED)
                && f.payload(Protocol.Status.class).getUserName().equals("vera@localhost")), Duration.ofSeconds(5));
        vera.disconnect();
        List<TappedFrame> frames = awaitFrames("LOGOUT for vera", all -> all.stream().anyMatch(f -> f.is(Type.TYPE_LOGOUT)
                && f.payload(Protocol.Logout.class).getUser().equals("vera@localhost")), Duration.ofSeconds(10));
        real = new RealSession(frames, tap, loginReturned, sent.getStanzaId(), receiptId);
    }

    @Test
    @Order(2)
    void theMainPingsFirstAndSendsNothingElseBeforeThePong() {
        assumeTrue(real != null, "the drive failed");
        for (long tap : real.frames().stream().map(TappedFrame::tap).distinct().toList()) {
            List<TappedFrame> conn = real.frames().stream().filter(f -> f.tap() == tap).toList();
            TappedFrame first = conn.stream().filter(TappedFrame::fromMain).findFirst().orElseThrow();
            assertThat(first.message().type()).as("first frame from the main on tap %d", tap).isEqualTo(Type.TYPE_PING);
            Instant pong = conn.stream().filter(f -> f.is(Type.TYPE_PONG)).findFirst().orElseThrow().at();
            assertThat(conn.stream().filter(f -> f.fromMain() && f.at().isBefore(pong)).map(f -> f.message().type()))
                    .as("main → backend before the first PONG").containsOnly(Type.TYPE_PING);
        }
    }

    @Test
    @Order(3)
    void pingsFollowOneGlobalTwentySecondTick() {
        assumeTrue(real != null, "the drive failed");
        List<Instant> pings = real.fromMain(Type.TYPE_PING).stream().map(TappedFrame::at).toList();
        assertThat(pings).hasSizeGreaterThanOrEqualTo(3);
        Duration firstTick = Duration.between(pings.get(0), pings.get(1));
        assertThat(firstTick).as("the first tick comes at the global timer's phase, not 20 s after connecting")
                .isLessThanOrEqualTo(TICK.plusMillis(500));
        for (int i = 2; i < pings.size(); i++) {
            assertThat(Duration.between(pings.get(i - 1), pings.get(i)).toMillis()).as("PING interval")
                    .isBetween(TICK.toMillis() - 500, TICK.toMillis() + 500);
        }
    }

    @Test
    @Order(4)
    void aBackendLeftWithoutUsersGetsPingThenExitAtTheNextTick() {
        assumeTrue(real != null, "the drive failed");
        Instant lastLogout = real.fromMain(Type.TYPE_LOGOUT).get(real.fromMain(Type.TYPE_LOGOUT).size() - 1).at();
        TappedFrame exit = real.first(f -> f.is(Type.TYPE_EXIT));
        List<TappedFrame> pings = real.fromMain(Type.TYPE_PING);
        TappedFrame tickPing = pings.get(pings.size() - 1);
        assertThat(exit.at()).isAfter(lastLogout);
        assertThat(Duration.between(lastLogout, exit.at())).isLessThanOrEqualTo(TICK.plusMillis(500));
        assertThat(tickPing.at()).as("the same tick pings it first").isAfter(lastLogout);
        assertThat(Duration.between(tickPing.at(), exit.at())).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    @Order(5)
    void aLoginWaitingForANewBackendGetsItsPresenceOnlyAfterConnected() {
        assumeTrue(real != null, "the drive failed");
        assertThat(collapsed(real.sentAbout("vera@localhost"))).containsExactly(Type.TYPE_LOGIN,
                Type.TYPE_STATUS_CHANGED, Type.TYPE_LOGOUT);
        TappedFrame connected = real.frames().stream().filter(f -> f.is(Type.TYPE_CONNECTED)
                && f.payload(Protocol.Connected.class).getUser().equals("vera@localhost")).findFirst().orElseThrow();
        assertThat(real.frames().stream().filter(f -> f.is(Type.TYPE_STATUS_CHANGED)
                && f.payload(Protocol.Status.class).getUserName().equals("vera@localhost")))
                .allSatisfy(s -> assertThat(s.at()).isAfter(connected.at()));
        long veraTap = connected.tap();
        assertThat(veraTap).as("vera's backend is a new process").isNotEqualTo(real.tap());
    }

    @Test
    @Order(6)
    void loginCarriesTheAdhocSettingsAndSaslSucceedsOnlyAfterConnected() {
        assumeTrue(real != null, "the drive failed");
        TappedFrame loginFrame = real.first(f -> f.is(Type.TYPE_LOGIN));
        Protocol.Login login = loginFrame.payload(Protocol.Login.class);
        assertThat(login.getUser()).isEqualTo("tara@localhost");
        assertThat(login.getLegacyName()).isEqualTo("tara");
        assertThat(login.getPassword()).isEqualTo("pw");
        assertThat(login.getExtraFieldsList()).isEmpty();
        assertThat(login.getSettings().getValueMap())
                .containsExactlyInAnyOrderEntriesOf(MainUsers.LOGIN_SETTINGS);
        TappedFrame connected = real.first(f -> f.is(Type.TYPE_CONNECTED));
        assertThat(real.loginReturned()).as("SASL success (login returned) only after CONNECTED").isAfter(connected.at());
        List<TappedFrame> status = real.fromMain(Type.TYPE_STATUS_CHANGED).stream()
                .filter(s -> s.payload(Protocol.Status.class).getUserName().equals("tara@localhost")).toList();
        assertThat(status).as("STATUS_CHANGED right after LOGIN, and for the client's presence after CONNECTED")
                .anySatisfy(s -> assertThat(s.at()).isAfter(loginFrame.at()).isBefore(connected.at()))
                .anySatisfy(s -> assertThat(s.at()).isAfter(connected.at()));
        assertThat(status).allSatisfy(s -> assertThat(s.payload(Protocol.Status.class).getStatus())
                .isEqualTo(Protocol.StatusType.STATUS_ONLINE));
    }

    @Test
    @Order(7)
    void aMessageAskingForAReceiptCarriesTheStanzaIdAndTheAckBecomesTheReceipt() {
        assumeTrue(real != null, "the drive failed");
        Protocol.ConversationMessage m = real.first(f -> f.fromMain() && f.is(Type.TYPE_CONV_MESSAGE)
                && f.payload(Protocol.ConversationMessage.class).getBuddyName().equals("buddy"))
                .payload(Protocol.ConversationMessage.class);
        assertThat(m.getId()).isEqualTo(real.receiptFor());
        assertThat(m.hasXhtml()).as("xhtml is always set, empty without XHTML-IM").isTrue();
        assertThat(m.getXhtml()).isEmpty();
        assertThat(real.receiptId()).isEqualTo(real.receiptFor());
    }

    @Test
    @Order(8)
    void roomFramesHaveTheShapesTheKitUses() {
        assumeTrue(real != null, "the drive failed");
        Protocol.Room join = real.first(f -> f.is(Type.TYPE_JOIN_ROOM)).payload(Protocol.Room.class);
        assertThat(join.getRoom()).isEqualTo("tapped");
        assertThat(join.getNickname()).isEqualTo("tara-nick");
        assertThat(join.hasPassword()).isTrue();
        assertThat(join.getPassword()).isEmpty();
        Protocol.ConversationMessage subject = real.first(f -> f.fromMain() && f.is(Type.TYPE_ROOM_SUBJECT_CHANGED))
                .payload(Protocol.ConversationMessage.class);
        assertThat(subject.getBuddyName()).isEqualTo("tapped");
        assertThat(subject.getMessage()).isEqualTo("Tapped subject");
        assertThat(subject.hasNickname()).as("the main names no setter").isFalse();
        Protocol.Room leave = real.first(f -> f.is(Type.TYPE_LEAVE_ROOM)).payload(Protocol.Room.class);
        assertThat(leave.getRoom()).isEqualTo("tapped");
        assertThat(leave.getNickname()).isEmpty();
        assertThat(leave.getPassword()).isEmpty();
    }

    @Test
    @Order(9)
    void vCardRequestsCountFromZeroWithoutPhoto() {
        assumeTrue(real != null, "the drive failed");
        Protocol.VCard request = real.first(f -> f.fromMain() && f.is(Type.TYPE_VCARD)).payload(Protocol.VCard.class);
        assertThat(request.getBuddyName()).isEqualTo("buddy");
        assertThat(request.getId()).isZero();
        assertThat(request.hasPhoto()).isFalse();
    }

    @Test
    @Order(10)
    void theEmulatedMainSendsTheSameShapes() throws Exception {
        assumeTrue(real != null, "the drive failed");
        var realShapes = FrameShape.byType(real.frames().stream().filter(TappedFrame::fromMain)
                .filter(f -> f.message() != null).map(TappedFrame::message).toList());
        List<SpectrumMessage> emulatedFrames = EmulatedMainSession.run(SPECTRUM.dir().resolve("emulated"));
        var emulated = FrameShape.byType(emulatedFrames);
        realShapes.remove(Type.TYPE_EXIT); // the kit's idle reaping is off by default; see PEERS.md
        assertThat(emulated).isEqualTo(realShapes);
        for (String jid : List.of("tara@localhost", "uma@localhost")) {
            assertThat(collapsed(about(emulatedFrames, jid))).as("frames the emulated main sends about %s, in order", jid)
                    .isEqualTo(collapsed(real.sentAbout(jid)));
        }
        List<SpectrumMessage> queued = EmulatedMainSession.runQueued(SPECTRUM.dir().resolve("emulated-queued"));
        assertThat(collapsed(about(queued, "vera@localhost"))).as("a login that waited for the backend")
                .isEqualTo(collapsed(real.sentAbout("vera@localhost")));
    }

    /**
     * Runs of STATUS_CHANGED as one: how many the real main sends in a row depends on when the
     * client's presence arrives (one or two after CONNECTED for a login that waited for a backend).
     */
    private static List<Type> collapsed(List<Type> types) {
        List<Type> out = new java.util.ArrayList<>();
        for (Type t : types) {
            if (!(t == Type.TYPE_STATUS_CHANGED && !out.isEmpty() && out.get(out.size() - 1) == t)) {
                out.add(t);
            }
        }
        return out;
    }

    private static List<Type> about(List<SpectrumMessage> frames, String jid) {
        return frames.stream().filter(m -> jid.equals(FrameShape.user(m))).map(SpectrumMessage::type).toList();
    }

    private static MultiUserChat join(XMPPTCPConnection user, String name, String nick) throws Exception {
        MultiUserChat room = MultiUserChatManager.getInstanceFor(user).getMultiUserChat(SPECTRUM.clients().jid(name));
        room.join(room.getEnterConfigurationBuilder(Resourcepart.from(nick))
                .timeoutAfter(SmackClients.REPLY_TIMEOUT_MS).build());
        return room;
    }

    private static List<TappedFrame> awaitFrames(String what, Predicate<List<TappedFrame>> done, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<TappedFrame> frames = TappedFrame.readAll(LOG);
            if (done.test(frames)) {
                return frames;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what + " (see " + LOG + ")");
            }
            Thread.sleep(50);
        }
    }
}

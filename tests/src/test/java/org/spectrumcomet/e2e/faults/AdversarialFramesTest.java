package org.spectrumcomet.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.MessageLite;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.bridge.SpectrumCometBackend;
import org.spectrumcomet.conformance.comet.CometConfig;
import org.spectrumcomet.conformance.comet.CometQl;
import org.spectrumcomet.conformance.comet.CometServerProcess;
import org.spectrumcomet.conformance.comet.WebBody;
import org.spectrumcomet.conformance.comet.WebFrame;
import org.spectrumcomet.conformance.comet.WebUser;
import org.spectrumcomet.conformance.main.BackendProcess;
import org.spectrumcomet.protocol.pb.Protocol.ConversationMessage;
import org.spectrumcomet.protocol.pb.Protocol.Login;
import org.spectrumcomet.protocol.pb.Protocol.Participant;
import org.spectrumcomet.protocol.pb.Protocol.ParticipantFlag;
import org.spectrumcomet.protocol.pb.Protocol.Room;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/**
 * Hostile frames from the main side against the bridge process (real comet server, real web
 * user): a LOGIN missing a required field, invalid UTF-8 in protobuf strings, and 2,000 JOIN_ROOMs
 * from one user. Each is logged or refused with a specific answer; the process keeps answering
 * PING and another user's chat keeps flowing.
 */
class AdversarialFramesTest {

    /** Generous: the machine is shared (load averages of 20+ seen on 2 cores). */
    private static final Duration WAIT = Duration.ofSeconds(40);
    /** The last value of a key wins: comet may take seconds to answer on a loaded machine. */
    static final String SLOW_MACHINE = "login_timeout = 30s\nquery_timeout = 20s\n";
    private static final long WEB = 7301;
    private static final long OTHER = 7302;

    private CometServerProcess comet;
    private CometQl site;
    private RawMain main;
    private BackendProcess backend;
    private WebUser web;

    @BeforeEach
    void start(org.junit.jupiter.api.TestInfo test) throws Exception {
        comet = CometServerProcess.start(MainVanishesTest.cometSettings("adversarial"));
        site = new CometQl(comet.target());
        site.setKey(WEB, "key" + WEB);
        site.setKey(OTHER, "key" + OTHER);
        site.setKey(7303, "key7303");
        main = new RawMain();
        backend = SpawnedBackend.start(SpectrumCometBackend.class, "", main.port(),
                "adversarial-" + test.getTestMethod().map(java.lang.reflect.Method::getName).orElse("x"),
                CometConfig.section(comet.target(), comet.target().wsPort()) + SLOW_MACHINE);
        main.accept(WAIT);
        assertPong();
        main.send(Type.TYPE_LOGIN, MainVanishesTest.login(OTHER));
        assertThat(main.await(Type.TYPE_CONNECTED, WAIT)).as("CONNECTED u%d", OTHER).isNotNull();
        web = WebUser.connect(comet.target(), WEB, "key" + WEB);
    }

    @AfterEach
    void stop() throws Exception {
        if (web != null) {
            web.close();
        }
        // null-safe: also runs after a failed start
        if (main != null) {
            main.close();
        }
        if (backend != null) {
            backend.awaitExit(Duration.ofSeconds(5));
            backend.destroy();
        }
        if (site != null) {
            site.close();
        }
        if (comet != null) {
            comet.close();
        }
    }

    @Test
    void aLoginMissingItsPasswordIsLoggedAndSkipped() throws Exception {
        Login partial = Login.newBuilder().setUser("u7303@localhost").setLegacyName("7303").buildPartial();
        main.send(Type.TYPE_LOGIN, partial.toByteString());
        assertPong();
        assertThat(SpawnedBackend.awaitLog(backend, "skipping malformed frame: type=3", WAIT))
                .as("the skipped frame is logged; log:\n%s", backend.logTail(20)).isTrue();
        assertThat(SpawnedBackend.log(backend)).as("the log names the missing field").contains("password");
        assertOtherUserChats("after a partial LOGIN");
        main.send(Type.TYPE_LOGIN, MainVanishesTest.login(7303));
        assertThat(main.await(Type.TYPE_CONNECTED, WAIT)).as("the same user, whole LOGIN").isNotNull();
    }

    @Test
    void invalidUtf8InStringsIsReplacedNotFatal() throws Exception {
        byte[] bad = {'h', 'i', ' ', (byte) 0xff, (byte) 0xfe, ' ', (byte) 0xc3, '(', ' ', (byte) 0xed, (byte) 0xa0,
                (byte) 0x80};
        long mark = web.mark();
        main.send(Type.TYPE_CONV_MESSAGE, fields(
                string(1, ("u" + OTHER + "@localhost").getBytes(StandardCharsets.UTF_8)),
                string(2, Long.toString(WEB).getBytes(StandardCharsets.UTF_8)),
                string(3, bad)));
        assertThat(web.await(mark, f -> f.isPrivate() && textOf(f).startsWith("hi "), WAIT))
                .as("the message reaches the web user, bad bytes replaced").isPresent()
                .hasValueSatisfying(f -> assertThat(textOf(f)).contains("\uFFFD"));
        // a LOGIN whose JID and legacy name are not UTF-8: refused as an invalid user name
        main.send(Type.TYPE_LOGIN, fields(string(1, new byte[] {'u', (byte) 0xff, '@', 'x'}),
                string(2, new byte[] {'7', (byte) 0xc0}), string(3, "k".getBytes(StandardCharsets.UTF_8))));
        WrapperMessage answer = main.await(Type.TYPE_DISCONNECTED, WAIT);
        assertThat(answer).as("DISCONNECTED for the garbled LOGIN").isNotNull();
        assertPong();
        assertOtherUserChats("after invalid UTF-8");
    }

    @Test
    void thousandsOfRoomsForOneUserAreBoundedWithAClearRefusal() throws Exception {
        String jid = "u" + OTHER + "@localhost";
        int rooms = 2000;
        // In batches well under the backend library's per-user backlog (1,000 frames, its own bound,
        // tested in UserQueuesTest): this test is about the room bound, not that one.
        int batch = 250;
        List<Participant> refusals = new ArrayList<>();
        for (int sent = 0; sent < rooms; ) {
            int end = Math.min(rooms, sent + batch);
            for (int i = sent; i < end; i++) {
                main.send(Type.TYPE_JOIN_ROOM, Room.newBuilder().setUserName(jid).setNickname("n")
                        .setRoom("flood_room_" + i).build());
            }
            sent = end;
            int expected = Math.max(0, sent - 32);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (refusals.size() < expected && System.nanoTime() < deadline) {
                WrapperMessage m = main.awaitAny(Duration.ofSeconds(1));
                if (m != null && m.getType() == Type.TYPE_PARTICIPANT_CHANGED) {
                    Participant p = Participant.parseFrom(m.getPayload());
                    if ((p.getFlag() & ParticipantFlag.PARTICIPANT_FLAG_NOT_AUTHORIZED_VALUE) != 0) {
                        refusals.add(p);
                    }
                }
            }
        }
        assertThat(refusals).as("rooms refused beyond max_subscriptions (32)").hasSize(rooms - 32);
        assertThat(refusals.get(0).getStatusMessage()).contains("at most 32 rooms");
        assertPong();
        assertOtherUserChats("after 2000 JOIN_ROOMs");
    }

    private void assertPong() throws Exception {
        long at = System.nanoTime();
        main.send(Type.TYPE_PING, (MessageLite) null);
        assertThat(main.await(Type.TYPE_PONG, Duration.ofSeconds(20))).as("PONG").isNotNull();
        assertThat((System.nanoTime() - at) / 1_000_000).as("PONG latency (ms)").isLessThan(2000);
    }

    /** The logged-in user {@code OTHER} still reaches the web user. */
    private void assertOtherUserChats(String text) throws Exception {
        long mark = web.mark();
        main.send(Type.TYPE_CONV_MESSAGE, ConversationMessage.newBuilder().setUserName("u" + OTHER + "@localhost")
                .setBuddyName(Long.toString(WEB)).setMessage(text).build());
        assertThat(web.await(mark, f -> f.isPrivate() && textOf(f).equals(text), WAIT))
                .as("'%s' reaches the web user", text).isPresent();
    }

    /** The text of a bridge message body, or "" for anything else. */
    private static String textOf(WebFrame frame) {
        try {
            WebBody body = frame.body();
            return body == null || body.text() == null ? "" : body.text();
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static byte[] string(int field, byte[] bytes) throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(buffer);
        out.writeByteArray(field, bytes);
        out.flush();
        return buffer.toByteArray();
    }

    private static ByteString fields(byte[]... encoded) {
        ByteString all = ByteString.EMPTY;
        for (byte[] e : encoded) {
            all = all.concat(ByteString.copyFrom(e));
        }
        return all;
    }
}

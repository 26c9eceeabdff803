package org.spectrumcomet.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.MessageLite;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectrumcomet.bridge.SpectrumCometBackend;
import org.spectrumcomet.conformance.comet.CometQl;
import org.spectrumcomet.conformance.comet.CometServerProcess;
import org.spectrumcomet.conformance.main.BackendProcess;
import org.spectrumcomet.protocol.pb.Protocol.ConnectionError;
import org.spectrumcomet.protocol.pb.Protocol.ConversationMessage;
import org.spectrumcomet.protocol.pb.Protocol.Disconnected;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/**
 * A comet server that accepts TCP and never answers. With its WebSocket port silent, every LOGIN
 * ends in DISCONNECTED(NETWORK_ERROR) after {@code login_timeout} (here 3 s; default 10 s); with its
 * CometQL port silent, a message is refused with a notice after {@code query_timeout}. Meanwhile
 * PINGs, sent every 100 ms, get their PONG within 2 s each (less than login_timeout: a PONG held
 * behind a login would take longer), 50 ms at the median (a shared 2-core machine: JIT and GC pauses are not the point).
 */
class SilentCometTest {

    private static final Logger LOG = LoggerFactory.getLogger(SilentCometTest.class);
    private static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(3);
    /** Far below login_timeout: a PONG waiting behind a login would take seconds. */
    private static final Duration PONG_LIMIT = Duration.ofMillis(2000);
    private static final long PONG_MEDIAN_MS = 50;
    private static final int USERS = 20;

    private static String section(int cometqlPort, int wsPort, String loginTimeout) {
        return "[comet]\ncometql = 127.0.0.1:" + cometqlPort + "\nwebsocket = ws://127.0.0.1:" + wsPort
                + "\ndev_id = 0\ndev_key = faultkey\nconnect_timeout = 2s\nlogin_timeout = " + loginTimeout
                + "\nquery_timeout = 2s\npool_wait = 2s\nreconnect_min = 200ms\nreconnect_max = 1s\n";
    }

    @Test
    void loginsFailWithNetworkErrorWithinTheLoginTimeoutAndPongStaysPrompt() throws Exception {
        try (SilentServer cometql = new SilentServer(); SilentServer ws = new SilentServer(); RawMain main = new RawMain()) {
            BackendProcess backend = SpawnedBackend.start(SpectrumCometBackend.class, "", main.port(), "silent-both",
                    section(cometql.port(), ws.port(), "3s"));
            try {
                main.accept(Duration.ofSeconds(20));
                main.send(Type.TYPE_PING, (MessageLite) null);
                assertThat(main.await(Type.TYPE_PONG, Duration.ofSeconds(20))).isNotNull();

                long start = System.nanoTime();
                for (int u = 0; u < USERS; u++) {
                    main.send(Type.TYPE_LOGIN, MainVanishesTest.login(8000 + u));
                }
                Map<String, Long> disconnectedAfter = new HashMap<>();
                List<Long> pongs = new ArrayList<>();
                long deadline = start + LOGIN_TIMEOUT.plusSeconds(6).toNanos();
                while (disconnectedAfter.size() < USERS && System.nanoTime() < deadline) {
                    long pingAt = System.nanoTime();
                    main.send(Type.TYPE_PING, (MessageLite) null);
                    WrapperMessage m;
                    while ((m = main.awaitAny(Duration.ofSeconds(2))) != null && m.getType() != Type.TYPE_PONG) {
                        if (m.getType() == Type.TYPE_DISCONNECTED) {
                            Disconnected d = Disconnected.parseFrom(m.getPayload());
                            assertThat(d.getError()).as("error of %s: %s", d.getUser(), d.getMessage())
                                    .isEqualTo(ConnectionError.CONNECTION_ERROR_NETWORK_ERROR_VALUE);
                            disconnectedAfter.put(d.getUser(), (System.nanoTime() - start) / 1_000_000);
                        }
                        assertThat(m.getType()).as("no CONNECTED").isNotEqualTo(Type.TYPE_CONNECTED);
                    }
                    assertThat(m).as("PONG").isNotNull();
                    pongs.add((System.nanoTime() - pingAt) / 1_000_000);
                    Thread.sleep(100);
                }
                LOG.info("DISCONNECTED after (ms) {}; PONG latencies (ms) {}", disconnectedAfter.values(), pongs);
                assertThat(disconnectedAfter).as("every LOGIN answered with NETWORK_ERROR").hasSize(USERS);
                assertThat(disconnectedAfter.values()).as("ms from LOGIN to DISCONNECTED")
                        .allSatisfy(ms -> assertThat(ms).isBetween(LOGIN_TIMEOUT.toMillis() - 200, LOGIN_TIMEOUT.toMillis() + 3000));
                assertPrompt(pongs);
                assertThat(ws.accepted()).as("the bridge did reach the silent WebSocket port").isGreaterThan(0);
            } finally {
                main.close();
                backend.awaitExit(Duration.ofSeconds(5));
                backend.destroy();
            }
        }
    }

    @Test
    void aMessageIsRefusedWithANoticeWhenCometQlIsSilentAndPongStaysPrompt() throws Exception {
        try (CometServerProcess comet = CometServerProcess.start(CometServerProcess.Settings.inMemory(
                     SpawnedBackend.workDir().resolve("silent-cometql"), "faultkey"));
             CometQl site = new CometQl(comet.target());
             SilentServer cometql = new SilentServer();
             RawMain main = new RawMain()) {
            site.setKey(8101, "key8101");
            BackendProcess backend = SpawnedBackend.start(SpectrumCometBackend.class, "", main.port(), "silent-cometql",
                    section(cometql.port(), comet.target().wsPort(), "30s"));
            try {
                main.accept(Duration.ofSeconds(20));
                main.send(Type.TYPE_PING, (MessageLite) null);
                assertThat(main.await(Type.TYPE_PONG, Duration.ofSeconds(20))).isNotNull();
                main.send(Type.TYPE_LOGIN, MainVanishesTest.login(8101));
                assertThat(main.await(Type.TYPE_CONNECTED, Duration.ofSeconds(40))).as("CONNECTED (WebSocket works)").isNotNull();

                long start = System.nanoTime();
                main.send(Type.TYPE_CONV_MESSAGE, ConversationMessage.newBuilder().setUserName("u8101@localhost")
                        .setBuddyName("8102").setMessage("into the void").setId("m1").build());
                List<Long> pongs = new ArrayList<>();
                ConversationMessage notice = null;
                while (notice == null && System.nanoTime() - start < Duration.ofSeconds(15).toNanos()) {
                    long pingAt = System.nanoTime();
                    main.send(Type.TYPE_PING, (MessageLite) null);
                    WrapperMessage m;
                    while ((m = main.awaitAny(Duration.ofSeconds(2))) != null && m.getType() != Type.TYPE_PONG) {
                        assertThat(m.getType()).as("no ACK for a message comet never took")
                                .isNotEqualTo(Type.TYPE_CONV_MESSAGE_ACK);
                        if (m.getType() == Type.TYPE_CONV_MESSAGE) {
                            notice = ConversationMessage.parseFrom(m.getPayload());
                        }
                    }
                    assertThat(m).as("PONG").isNotNull();
                    pongs.add((System.nanoTime() - pingAt) / 1_000_000);
                    Thread.sleep(100);
                }
                long ms = (System.nanoTime() - start) / 1_000_000;
                LOG.info("notice after {} ms: {}; PONG latencies (ms) {}", ms, notice, pongs);
                assertThat(notice).as("a notice").isNotNull();
                assertThat(notice.getBuddyName()).isEqualTo("comet");
                assertThat(notice.getMessage()).contains("not delivered");
                assertThat(ms).as("ms until the notice (query_timeout 2 s, connect_timeout 2 s, pool_wait 2 s)")
                        .isLessThan(9000);
                assertPrompt(pongs);
            } finally {
                main.close();
                backend.awaitExit(Duration.ofSeconds(5));
                backend.destroy();
            }
        }
    }

    private static void assertPrompt(List<Long> pongs) {
        assertThat(pongs).as("PONG latencies (ms)").isNotEmpty()
                .allSatisfy(ms -> assertThat(ms).isLessThan(PONG_LIMIT.toMillis()));
        List<Long> sorted = pongs.stream().sorted().toList();
        assertThat(sorted.get(sorted.size() / 2)).as("median PONG latency (ms) of %s", pongs).isLessThan(PONG_MEDIAN_MS);
    }
}

package org.spectrumcomet.backend.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.backend.outbound.BackendFeatures;
import org.spectrumcomet.backend.outbound.ForbiddenTypeException;
import org.spectrumcomet.protocol.SpectrumMessage;
import org.spectrumcomet.protocol.pb.Protocol;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

class MainInstanceLinkTest {

    private static final BackendFeatures FEATURES =
            BackendFeatures.builder().needPassword(false).needRegistration(false).muc(true).receipts(true).build();

    private final EventLoopGroup group = new NioEventLoopGroup(1);
    private final List<SpectrumMessage> dispatched = new CopyOnWriteArrayList<>();
    private final OutboundGate gate = new OutboundGate(1024 * 1024);
    private FakeMain main;

    @AfterEach
    void tearDown() {
        if (main != null) {
            main.close();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
    }

    private MainInstanceLink connect(Duration pingTimeout) throws Exception {
        main = new FakeMain();
        return MainInstanceLink.connect(group, "127.0.0.1", main.port(),
                new MainInstanceLink.Settings(FEATURES, pingTimeout, 1024 * 1024, 3, Duration.ofMillis(50)),
                gate, dispatched::add);
    }

    @Test
    void backendConfigFirstThenPongAndStatsForEveryPing() throws Exception {
        connect(Duration.ofSeconds(30));
        FakeMain.Received first = main.next(2000);
        assertThat(first.type()).isEqualTo(Type.TYPE_BACKEND_CONFIG);
        assertThat(first.message().payload(Protocol.BackendConfig.class).getConfig())
                .isEqualTo("[registration]\nneedPassword=0\nneedRegistration=0\n[features]\nmuc=1\nreceipts=1\n");
        for (int i = 0; i < 3; i++) {
            main.ping();
            assertThat(main.next(2000).type()).isEqualTo(Type.TYPE_PONG);
            FakeMain.Received stats = main.next(2000);
            assertThat(stats.type()).isEqualTo(Type.TYPE_STATS);
            assertThat(stats.message().payload(Protocol.Stats.class).getId())
                    .isEqualTo(Long.toString(ProcessHandle.current().pid()));
        }
        assertThat(dispatched).isEmpty();
    }

    @Test
    void otherFramesGoToTheDispatcher() throws Exception {
        connect(Duration.ofSeconds(30));
        main.send(SpectrumMessage.of(Type.TYPE_LOGIN,
                Protocol.Login.newBuilder().setUser("u@x").setLegacyName("u").setPassword("").build()));
        main.ping();
        main.next(Type.TYPE_STATS, 2000);
        assertThat(dispatched).extracting(SpectrumMessage::type).containsExactly(Type.TYPE_LOGIN);
    }

    @Test
    void exitEndsTheLinkAndClosesIt() throws Exception {
        MainInstanceLink link = connect(Duration.ofSeconds(30));
        main.send(SpectrumMessage.of(Type.TYPE_EXIT));
        assertThat(link.ended().get(2, TimeUnit.SECONDS)).isEqualTo(LinkEnd.EXIT);
        main.backendClosed().get(2, TimeUnit.SECONDS);
    }

    @Test
    void eofEndsTheLink() throws Exception {
        MainInstanceLink link = connect(Duration.ofSeconds(30));
        main.awaitBackend();
        main.disconnectBackend();
        assertThat(link.ended().get(2, TimeUnit.SECONDS)).isEqualTo(LinkEnd.EOF);
    }

    @Test
    void watchdogEndsASilentLink() throws Exception {
        MainInstanceLink link = connect(Duration.ofMillis(300));
        long start = System.nanoTime();
        assertThat(link.ended().get(3, TimeUnit.SECONDS)).isEqualTo(LinkEnd.PING_TIMEOUT);
        assertThat(System.nanoTime() - start).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(250));
        main.backendClosed().get(2, TimeUnit.SECONDS);
    }

    @Test
    void pingsKeepTheWatchdogQuiet() throws Exception {
        MainInstanceLink link = connect(Duration.ofMillis(400));
        for (int i = 0; i < 8; i++) {
            main.ping();
            Thread.sleep(100);
        }
        assertThat(link.ended()).isNotDone();
    }

    @Test
    void oversizedFrameFromTheMainEndsTheLink() throws Exception {
        MainInstanceLink link = connect(Duration.ofSeconds(30));
        main.send(SpectrumMessage.of(Type.TYPE_RAW_XML, new org.spectrumcomet.protocol.RawXml("x".repeat(2 * 1024 * 1024))));
        assertThat(link.ended().get(3, TimeUnit.SECONDS)).isEqualTo(LinkEnd.PROTOCOL_ERROR);
    }

    @Test
    void unreachableMainIsAOneLineError() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        int closedPort = port;
        long start = System.nanoTime();
        assertThatThrownBy(() -> MainInstanceLink.connect(group, "127.0.0.1", closedPort,
                new MainInstanceLink.Settings(FEATURES, Duration.ofSeconds(30), 1024, 3, Duration.ofMillis(100)),
                gate, dispatched::add))
                .isInstanceOf(MainInstanceUnreachableException.class)
                .hasMessageStartingWith("cannot connect to the Spectrum main instance at 127.0.0.1:" + closedPort + " after 3 attempts")
                .hasMessageNotContaining("\n");
        assertThat(System.nanoTime() - start).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(190));
    }

    @Test
    void gateRefusesNeverSendTypesAndSendsTheRest() throws Exception {
        connect(Duration.ofSeconds(30));
        main.next(Type.TYPE_BACKEND_CONFIG, 2000);
        assertThatThrownBy(() -> gate.send(SpectrumMessage.of(Type.TYPE_LOGIN,
                Protocol.Login.newBuilder().setUser("u").setLegacyName("u").setPassword("").build()), "u"))
                .isInstanceOf(ForbiddenTypeException.class);
        assertThatThrownBy(() -> gate.send(SpectrumMessage.of(Type.TYPE_PING), "")).isInstanceOf(ForbiddenTypeException.class);
        assertThatThrownBy(() -> gate.send(SpectrumMessage.of(Type.TYPE_EXIT), "")).isInstanceOf(ForbiddenTypeException.class);
        assertThat(gate.send(SpectrumMessage.of(Type.TYPE_CONNECTED, Protocol.Connected.newBuilder().setUser("u").build()), "u"))
                .isTrue();
        assertThat(main.next(2000).type()).isEqualTo(Type.TYPE_CONNECTED);
        assertThat(main.poll(100)).isNull();
    }

    @Test
    void gateDropsFramesBeyondThePendingCap() throws Exception {
        OutboundGate small = new OutboundGate(1000);
        main = new FakeMain();
        MainInstanceLink.connect(group, "127.0.0.1", main.port(),
                new MainInstanceLink.Settings(FEATURES, Duration.ofSeconds(30), 1024, 1, Duration.ofMillis(50)),
                small, dispatched::add);
        main.next(Type.TYPE_BACKEND_CONFIG, 2000);
        SpectrumMessage big = SpectrumMessage.of(Type.TYPE_QUERY,
                Protocol.BackendConfig.newBuilder().setConfig("x".repeat(5000)).build());
        assertThat(small.send(big, "u")).isFalse();
        assertThat(small.droppedFrames()).isZero(); // alone over the cap: refused, not a stall
        assertThat(small.send(SpectrumMessage.of(Type.TYPE_QUERY,
                Protocol.BackendConfig.newBuilder().setConfig("status").build()), "u")).isTrue();
        assertThat(main.next(2000).message().payload(Protocol.BackendConfig.class).getConfig()).isEqualTo("status");
    }

    @Test
    void gateDropsWhenNotConnected() {
        assertThat(new OutboundGate(1000).send(SpectrumMessage.of(Type.TYPE_CONNECTED,
                Protocol.Connected.newBuilder().setUser("u").build()), "u")).isFalse();
    }

    @Test
    void everyFrameFromManyThreadsArrivesInEachThreadsOrderThroughTheWritabilityLimit() throws Exception {
        OutboundGate big = new OutboundGate(64L * 1024 * 1024);
        main = new FakeMain();
        MainInstanceLink.connect(group, "127.0.0.1", main.port(),
                new MainInstanceLink.Settings(FEATURES, Duration.ofSeconds(30), 1024 * 1024, 3, Duration.ofMillis(50)),
                big, dispatched::add);
        main.next(Type.TYPE_BACKEND_CONFIG, 2000);
        int threads = 4;
        int perThread = 5_000; // ~2.5 MB in all: far past the 64 KiB high water mark, so the queue waits and resumes
        String padding = "p".repeat(100);
        List<Thread> senders = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            senders.add(new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    big.send(SpectrumMessage.of(Type.TYPE_QUERY, Protocol.BackendConfig.newBuilder()
                            .setConfig(thread + " " + i + " " + padding).build()), "");
                }
            }));
        }
        senders.forEach(Thread::start);
        int[] next = new int[threads];
        for (int n = 0; n < threads * perThread; n++) {
            FakeMain.Received r = main.next(5000);
            assertThat(r).as("frame %d of %d", n, threads * perThread).isNotNull();
            String[] words = r.message().payload(Protocol.BackendConfig.class).getConfig().split(" ");
            int thread = Integer.parseInt(words[0]);
            assertThat(Integer.parseInt(words[1])).as("thread %d's order", thread).isEqualTo(next[thread]++);
        }
        for (Thread sender : senders) {
            sender.join(5000);
        }
        assertThat(big.droppedFrames()).isZero();
        assertThat(big.pendingBytes()).isZero();
    }
}

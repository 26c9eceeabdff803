package org.spectrumcomet.bridge.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.nio.NioEventLoopGroup;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.backend.Handlers;
import org.spectrumcomet.backend.config.TransportConfig;
import org.spectrumcomet.bridge.CometBridge;
import org.spectrumcomet.bridge.comet.CometEndpoint;
import org.spectrumcomet.bridge.comet.CometQlException;
import org.spectrumcomet.bridge.config.CometSettings;
import org.spectrumcomet.bridge.session.CometClientNetwork;
import org.spectrumcomet.bridge.session.CometLinkListener;
import org.spectrumcomet.bridge.session.CometMessage;
import org.spectrumcomet.bridge.session.CometUserLink;
import org.spectrumcomet.bridge.session.FakeNetwork;
import org.spectrumcomet.bridge.session.ManualTimer;
import org.spectrumcomet.bridge.session.RecordingMain;
import org.spectrumcomet.bridge.session.SessionServices;
import org.spectrumcomet.bridge.session.Sessions;
import org.spectrumcomet.protocol.pb.Protocol;

/** The bridge's handlers on a fake comet, watched by the metered network: what each meter reads after known traffic. */
class MeteredCometNetworkTest {

    private static final String JID = "alice@example.org";

    private final FakeNetwork fake = new FakeNetwork();
    private final RecordingMain main = new RecordingMain();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final CometLinkState link = new CometLinkState("127.0.0.1:3307", "ws://127.0.0.1:8087", timer,
            Duration.ofMillis(50), registry);
    private final Handlers handlers;

    MeteredCometNetworkTest() {
        CometSettings settings = CometSettings.from(TransportConfig.of(Map.of("comet.dev_key", "k",
                "comet.presence_poll", "0")));
        BridgeMeters meters = new BridgeMeters(registry);
        SessionServices services = new SessionServices(main.main, new MeteredCometNetwork(fake, meters, link), settings,
                new ManualTimer(), Clock.systemUTC(), Runnable::run, meters);
        Sessions sessions = new Sessions(services);
        SessionGauges.register(registry, sessions);
        handlers = CometBridge.handlers(services, sessions, () -> { });
    }

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    private FakeNetwork.Link login(String jid, long id) {
        main.ledger.loginReceived(jid);
        handlers.session().orElseThrow().login(Protocol.Login.newBuilder().setUser(jid).setLegacyName(Long.toString(id))
                .setPassword("key" + id).build());
        return fake.link();
    }

    private void send(String buddy, String text) {
        handlers.messages().orElseThrow().message(Protocol.ConversationMessage.newBuilder()
                .setUserName(JID).setBuddyName(buddy).setMessage(text).build());
    }

    private double toComet(String kind, String result) {
        return registry.get("spectrum.comet.bridge.messages.to.comet").tag("kind", kind).tag("result", result)
                .counter().count();
    }

    private double fromComet(String kind) {
        return registry.get("spectrum.comet.bridge.messages.from.comet").tag("kind", kind).counter().count();
    }

    private double gauge(String name, String... tags) {
        return registry.get(name).tags(tags).gauge().value();
    }

    private static void poll(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(10);
        }
    }

    @Test
    void messagesEachWayAreCountedByKindAndOutcome() {
        FakeNetwork.Link socket = login(JID, 42);
        socket.accept();
        send("7", "one");
        send("7", "two");
        fake.holdSends = true;
        send("7", "three");
        fake.sent.get(fake.sent.size() - 1).result().completeExceptionally(new CometQlException("refused", 12, null));
        assertThat(toComet("chat", "ok")).isEqualTo(2.0);
        assertThat(toComet("chat", "failed")).isEqualTo(1.0);
        assertThat(toComet("room", "ok")).isZero();

        socket.listener.privateMessage(new CometMessage("msg", "message", "{\"from\":\"7\",\"text\":\"hi\"}", 0, 0, false));
        socket.listener.privateMessage(new CometMessage("msg", "typing", "{\"from\":\"7\",\"kind\":\"typing\"}", 0, 0, false));
        socket.listener.privateMessage(new CometMessage("msg", "receipt",
                "{\"from\":\"7\",\"kind\":\"receipt\",\"ref\":\"m1\"}", 0, 0, false));
        assertThat(fromComet("chat")).isEqualTo(1.0);
        assertThat(fromComet("typing")).isEqualTo(1.0);
        assertThat(fromComet("receipt")).as("not handed to XMPP").isZero();
    }

    @Test
    void pendingSendsAreSummedAndTheLargestBacklogShown() {
        login(JID, 42).accept();
        login("bob@example.org", 43).accept();
        fake.holdSends = true;
        send("7", "a");
        send("7", "b");
        send("7", "c");
        handlers.messages().orElseThrow().message(Protocol.ConversationMessage.newBuilder()
                .setUserName("bob@example.org").setBuddyName("7").setMessage("d").build());
        assertThat(gauge("spectrum.comet.bridge.sessions", "state", "connected")).isEqualTo(2.0);
        // the outbox runs one send at a time: the first is in flight, the rest wait behind it
        assertThat(gauge("spectrum.comet.bridge.outbox.pending")).isEqualTo(4.0);
        assertThat(gauge("spectrum.comet.bridge.outbox.pending.max")).isEqualTo(3.0);
        fake.sent.forEach(s -> s.result().complete(null));
        fake.sent.forEach(s -> s.result().complete(null)); // the ones started by the completions
        fake.sent.forEach(s -> s.result().complete(null));
        assertThat(gauge("spectrum.comet.bridge.outbox.pending")).isZero();
    }

    @Test
    void cometUnreachableOnLoginAndOnCometQlTakesTheLinkDown() throws Exception {
        login(JID, 42).unreachable("cannot connect to 127.0.0.1:8087: Connection refused");
        poll(() -> !link.isUp());
        assertThat(link.problem()).isEqualTo("websocket ws://127.0.0.1:8087: cannot connect to 127.0.0.1:8087: Connection refused");

        login("bob@example.org", 43).accept();
        poll(link::isUp);

        fake.failQueries = new CometQlException("cannot log in to CometQL at 127.0.0.1:3307 as root: Connection refused",
                0, null);
        // typing to a buddy whose presence is unknown asks comet's users_time first
        handlers.messages().orElseThrow().typing(Protocol.Buddy.newBuilder().setUserName("bob@example.org")
                .setBuddyName("9").build());
        poll(() -> !link.isUp());
        assertThat(link.problem()).startsWith("cometql 127.0.0.1:3307: cannot log in");
        assertThat(gauge("spectrum.comet.bridge.comet.link.up")).isZero();
    }

    @Test
    void aSocketClosedBeforeCometAnsweredIsNoSignOfAnUnreachableComet() throws Exception {
        // a comet that accepts TCP and never answers: the user logs out while its socket is still waiting
        try (SilentComet comet = new SilentComet()) {
            CometUserLink socket = comet.open();
            socket.close();
            // the close completes the opening as "closed before login finished" (not an answer from comet)
            socket.opened().handle((v, e) -> null).get(10, TimeUnit.SECONDS);
            long until = System.nanoTime() + Duration.ofMillis(500).toNanos();
            while (System.nanoTime() < until) {
                assertThat(link.isUp()).as("link state after a logout before comet answered: %s", link.problem())
                        .isTrue();
                Thread.sleep(10);
            }
        }
    }

    @Test
    void aSocketGivenUpAfterWaitingLongForCometCountsAsUnreachable() throws Exception {
        try (SilentComet comet = new SilentComet()) {
            CometUserLink socket = comet.open();
            Thread.sleep(MeteredCometNetwork.QUIET_CLOSE.toMillis() + 100); // as the session's login timeout
            socket.close();
            poll(() -> !link.isUp());
            assertThat(link.problem()).isEqualTo("websocket ws://127.0.0.1:8087: closed before login finished");
        }
    }

    /** A comet that accepts TCP connections and never answers, behind a real comet client and the metered network. */
    private final class SilentComet implements AutoCloseable {
        private final NioEventLoopGroup loops = new NioEventLoopGroup(1);
        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final CometClientNetwork real = new CometClientNetwork(CometEndpoint.loopback(1, server.getLocalPort()),
                loops, Runnable::run);
        private final MeteredCometNetwork metered = new MeteredCometNetwork(real, BridgeMeters.none(), link);
        private Socket accepted;

        SilentComet() throws java.io.IOException {
        }

        CometUserLink open() throws java.io.IOException {
            CometUserLink socket = metered.open(42, "key42", new CometLinkListener() {
                @Override
                public void privateMessage(CometMessage message) {
                }

                @Override
                public void pipeMessage(CometMessage message) {
                }

                @Override
                public void tracked(String pipe, long userId, String connection, boolean joined) {
                }

                @Override
                public void linkLost(String reason) {
                }

                @Override
                public void linkRestored(boolean authorized) {
                }
            });
            accepted = server.accept();
            return socket;
        }

        @Override
        public void close() throws Exception {
            real.close();
            if (accepted != null) {
                accepted.close();
            }
            server.close();
            loops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }
}

package org.spectrumcomet.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.nio.NioEventLoopGroup;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.spectrumcomet.backend.Handlers;
import org.spectrumcomet.backend.config.TransportConfig;
import org.spectrumcomet.bridge.comet.CometBody;
import org.spectrumcomet.bridge.comet.CometEndpoint;
import org.spectrumcomet.bridge.comet.CometEvent;
import org.spectrumcomet.bridge.comet.CometQlClient;
import org.spectrumcomet.bridge.comet.CometSocket;
import org.spectrumcomet.bridge.comet.CometSocketListener;
import org.spectrumcomet.bridge.comet.servers.CometServerUnderTest;
import org.spectrumcomet.bridge.comet.servers.OurCometServerExtension;
import org.spectrumcomet.bridge.config.CometSettings;
import org.spectrumcomet.bridge.session.CometClientNetwork;
import org.spectrumcomet.bridge.session.RecordingMain;
import org.spectrumcomet.bridge.session.ScheduledSessionTimer;
import org.spectrumcomet.bridge.session.SessionServices;
import org.spectrumcomet.bridge.session.Sessions;
import org.spectrumcomet.protocol.pb.Protocol;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/**
 * Smoke test of the whole bridge (handlers, sessions, the real comet client) against our comet
 * server in-process, with a web user on its own comet socket: login outcomes, 1:1 both ways with a
 * receipt, and a room with history, occupants and the echo of the user's own message.
 */
@ExtendWith(OurCometServerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BridgeEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final RecordingMain main = new RecordingMain();
    private CometEndpoint endpoint;
    private CometQlClient cometql;
    private NioEventLoopGroup loops;
    private ExecutorService pool;
    private ScheduledExecutorService timer;
    private CometClientNetwork network;
    private Handlers handlers;

    @BeforeAll
    void start(CometServerUnderTest server) {
        endpoint = server.endpoint();
        cometql = CometQlClient.open(endpoint);
        loops = new NioEventLoopGroup(1);
        pool = Executors.newFixedThreadPool(2);
        timer = Executors.newSingleThreadScheduledExecutor();
        network = new CometClientNetwork(endpoint, loops, pool);
        handlers = handlersOn(network);
    }

    private Handlers handlersOn(CometClientNetwork net) {
        CometSettings settings = CometSettings.from(TransportConfig.of(Map.of("comet.dev_key", endpoint.key(),
                "comet.login_timeout", "5s")));
        SessionServices services = new SessionServices(main.main, net, settings, new ScheduledSessionTimer(timer),
                Clock.systemUTC(), pool);
        return CometBridge.handlers(services, new Sessions(services), net::close);
    }

    @AfterAll
    void stop() {
        handlers.onExit().run();
        cometql.close();
        timer.shutdownNow();
        pool.shutdownNow();
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static long freshUser() {
        return ThreadLocalRandom.current().nextLong(100_000, 999_999_999);
    }

    private long userWithKey() throws Exception {
        long id = freshUser();
        cometql.setUserKey(id, "key" + id).get(10, TimeUnit.SECONDS);
        return id;
    }

    private static void poll(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private void login(Handlers h, String jid, long id, String key) {
        main.ledger.loginReceived(jid);
        h.session().orElseThrow().login(Protocol.Login.newBuilder().setUser(jid).setLegacyName(Long.toString(id))
                .setPassword(key).build());
    }

    private List<Protocol.ConversationMessage> messagesFor(String jid) {
        return main.messages().stream().filter(m -> m.getUserName().equals(jid)).toList();
    }

    private boolean connected(String jid) {
        return main.of(Type.TYPE_CONNECTED, Protocol.Connected.class).stream().anyMatch(c -> c.getUser().equals(jid));
    }

    /** A web page's comet connection: its own socket as user {@code id}. */
    private final class WebUser implements CometSocketListener {
        final List<CometEvent> events = new CopyOnWriteArrayList<>();
        final CometSocket socket;

        WebUser(long id) throws Exception {
            socket = CometSocket.open(endpoint, loops, id, "key" + id, this, pool);
            assertThat(socket.login().get(10, TimeUnit.SECONDS).accepted()).isTrue();
        }

        @Override
        public void onEvent(CometEvent event) {
            events.add(event);
        }

        List<String> texts(Class<? extends CometEvent> kind) {
            return events.stream().filter(kind::isInstance).map(e -> e instanceof CometEvent.PrivateMessage p
                    ? p.body().text() : ((CometEvent.PipeMessage) e).body().text()).toList();
        }
    }

    @Test
    void loginOutcomesFollowComet() throws Exception {
        long alice = userWithKey();
        login(handlers, "ok@example.org", alice, "key" + alice);
        login(handlers, "wrong@example.org", alice, "notTheKey");
        poll(() -> connected("ok@example.org"), "CONNECTED");
        poll(() -> !main.disconnects().isEmpty(), "DISCONNECTED");
        assertThat(main.disconnects()).singleElement().satisfies(d -> {
            assertThat(d.getUser()).isEqualTo("wrong@example.org");
            assertThat(d.getError()).isEqualTo(2);
        });

        CometClientNetwork nowhere = new CometClientNetwork(CometEndpoint.fromConfig(Map.of(
                "cometql", "127.0.0.1:1", "ws", "127.0.0.1:1", "key", endpoint.key(), "connect_timeout", "1s",
                "login_timeout", "1s")), loops, pool);
        login(handlersOn(nowhere), "far@example.org", alice, "key" + alice);
        poll(() -> main.disconnects().stream().anyMatch(d -> d.getUser().equals("far@example.org")), "NETWORK_ERROR");
        assertThat(main.disconnects().stream().filter(d -> d.getUser().equals("far@example.org")).findFirst()
                .orElseThrow().getError()).isZero();
        nowhere.close();
    }

    @Test
    void privateMessagesBothWaysWithReceipt() throws Exception {
        long alice = userWithKey();
        long bob = userWithKey();
        String jid = "alice" + alice + "@example.org";
        WebUser web = new WebUser(bob);
        login(handlers, jid, alice, "key" + alice);
        poll(() -> connected(jid), "CONNECTED");

        handlers.messages().orElseThrow().message(Protocol.ConversationMessage.newBuilder().setUserName(jid)
                .setBuddyName(Long.toString(bob)).setMessage("hi bob, it's me").setId("s1").build());
        poll(() -> web.texts(CometEvent.PrivateMessage.class).contains("hi bob, it's me"), "web user got the message");
        poll(() -> main.of(Type.TYPE_CONV_MESSAGE_ACK, Protocol.ConversationMessage.class).stream()
                .anyMatch(a -> a.getUserName().equals(jid) && a.getId().equals("s1")), "receipt");

        cometql.sendPrivate(alice, "message", CometBody.text(Long.toString(bob), "bob", "hello alice", "w1",
                System.currentTimeMillis())).get(10, TimeUnit.SECONDS);
        poll(() -> messagesFor(jid).stream().anyMatch(m -> m.getMessage().equals("hello alice")), "XMPP got it");
        assertThat(messagesFor(jid)).filteredOn(m -> m.getMessage().equals("hello alice")).singleElement()
                .satisfies(m -> assertThat(m.getBuddyName()).isEqualTo(Long.toString(bob)));
        web.socket.close();
    }

    @Test
    void roomJoinHistoryOccupantsAndEchoOnce() throws Exception {
        long alice = userWithKey();
        long bob = userWithKey();
        String jid = "alice" + alice + "@example.org";
        String pipe = "e2e_" + alice;
        cometql.setHistoryLength(pipe, 20).get(10, TimeUnit.SECONDS);
        cometql.publish(pipe, "message", CometBody.text(Long.toString(bob), "bob", "earlier", "b1",
                System.currentTimeMillis())).get(10, TimeUnit.SECONDS);
        WebUser web = new WebUser(bob);
        web.socket.subscribe(List.of(pipe)).get(10, TimeUnit.SECONDS);
        login(handlers, jid, alice, "key" + alice);
        poll(() -> connected(jid), "CONNECTED");
        poll(() -> cometql.subscribers(pipe).join().stream().anyMatch(s -> s.userId() == bob), "bob subscribed");

        handlers.rooms().orElseThrow().joinRoom(Protocol.Room.newBuilder().setUserName(jid).setRoom(pipe)
                .setNickname("alice").build());
        poll(() -> messagesFor(jid).stream().anyMatch(m -> m.getMessage().equals("earlier")), "history");

        List<Protocol.Participant> who = main.participants().stream().filter(p -> p.getUserName().equals(jid)).toList();
        assertThat(who).extracting(Protocol.Participant::getNickname).containsExactly("bob", "alice");
        assertThat(who.get(1).getFlag() & 16).isEqualTo(16);
        Protocol.ConversationMessage history = messagesFor(jid).stream()
                .filter(m -> m.getMessage().equals("earlier")).findFirst().orElseThrow();
        assertThat(history.getNickname()).isEqualTo("bob");
        assertThat(history.getTimestamp()).matches("[0-9]{8}T[0-9]{6}");

        handlers.messages().orElseThrow().message(Protocol.ConversationMessage.newBuilder().setUserName(jid)
                .setBuddyName(pipe).setMessage("hello room").build());
        poll(() -> web.texts(CometEvent.PipeMessage.class).contains("hello room"), "web user got the room message");
        poll(() -> messagesFor(jid).stream().anyMatch(m -> m.getMessage().equals("hello room")), "echo");
        CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS)).join();
        assertThat(messagesFor(jid)).filteredOn(m -> m.getMessage().equals("hello room")).singleElement()
                .satisfies(m -> assertThat(m.getNickname()).isEqualTo("alice"));
        web.socket.close();
    }

    @Test
    void buddyPresenceFollowsCometAndTypingReachesAnOnlineBuddy() throws Exception {
        long alice = userWithKey();
        long bob = userWithKey();
        String jid = "alice" + alice + "@example.org";
        String bobName = Long.toString(bob);
        login(handlers, jid, alice, "key" + alice);
        handlers.buddies().orElseThrow().buddies(Protocol.Buddies.newBuilder().addBuddy(Protocol.Buddy.newBuilder()
                .setUserName(jid).setBuddyName(bobName)).build());
        poll(() -> buddyStates(jid, bobName).contains(Protocol.StatusType.STATUS_NONE), "bob offline");

        WebUser web = new WebUser(bob);
        poll(() -> buddyStates(jid, bobName).contains(Protocol.StatusType.STATUS_ONLINE), "bob online");

        handlers.messages().orElseThrow().typing(Protocol.Buddy.newBuilder().setUserName(jid).setBuddyName(bobName)
                .build());
        poll(() -> web.events.stream().anyMatch(e -> e instanceof CometEvent.PrivateMessage p
                && p.body().kind() == CometBody.Kind.TYPING), "typing at bob");

        web.socket.close();
        poll(() -> {
            List<Protocol.StatusType> states = buddyStates(jid, bobName);
            return states.get(states.size() - 1) == Protocol.StatusType.STATUS_NONE;
        }, "bob offline again");
        List<Protocol.Buddy> last = main.buddies().stream().filter(b -> b.getUserName().equals(jid)).toList();
        assertThat(last.get(last.size() - 1).getStatusMessage()).startsWith("last seen ").endsWith(" UTC");
    }

    private List<Protocol.StatusType> buddyStates(String jid, String buddy) {
        return main.buddies().stream().filter(b -> b.getUserName().equals(jid) && b.getBuddyName().equals(buddy))
                .map(Protocol.Buddy::getStatus).toList();
    }
}

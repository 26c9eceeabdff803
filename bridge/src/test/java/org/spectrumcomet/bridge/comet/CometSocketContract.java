package org.spectrumcomet.bridge.comet;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.nio.NioEventLoopGroup;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.spectrumcomet.bridge.comet.servers.CometServerUnderTest;

/** WebSocket + CometQL behaviour every comet server must show; subclasses pick the server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CometSocketContract {

    private static final Duration WAIT = Duration.ofSeconds(10);
    static final String[] HOSTILE = {
        "it's \"quoted\"", "back\\slash \\' \\\\ \\n \\u0027", "emoji 😀🇫🇷 and é ü ß 中文", "<b>&amp;</b> < & >",
        "new\nline\r\ttab", "nul \0 inside", "'); DELETE FROM users_auth WHERE id IN (1); --", "*/ ; /* --", "",
        "{\"text\":\"json inside\"}", "\uD800 lone",
    };

    CometServerUnderTest server;
    CometQlClient cometql;
    NioEventLoopGroup group;
    ExecutorService listeners;
    final List<CometSocket> sockets = new ArrayList<>();

    @BeforeAll
    void start(CometServerUnderTest server) {
        this.server = server;
        cometql = CometQlClient.open(server.endpoint());
        group = new NioEventLoopGroup(1);
        listeners = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void closeSockets() throws Exception {
        for (CometSocket s : sockets) {
            s.close().get(5, TimeUnit.SECONDS);
        }
        sockets.clear();
    }

    @AfterAll
    void stop() {
        cometql.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        listeners.shutdownNow();
    }

    static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(20, TimeUnit.SECONDS);
    }

    static void poll(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    /** A new user with a users_auth key. */
    long newUser() throws Exception {
        long id = CometQlClientContract.freshUserId();
        await(cometql.setUserKey(id, "key" + id));
        return id;
    }

    CometSocket open(CometEndpoint endpoint, long id, String key, RecordingListener listener) {
        CometSocket s = CometSocket.open(endpoint, group, id, key, listener, listeners);
        sockets.add(s);
        return s;
    }

    CometSocket login(long id, RecordingListener listener) throws Exception {
        CometSocket s = open(server.endpoint(), id, "key" + id, listener);
        assertThat(await(s.login()).outcome()).isEqualTo(LoginResult.Outcome.ACCEPTED);
        // serverInfo may precede the server registering the connection as the user's (CppComet):
        // wait until users_time says online so private messages and revocations find it.
        poll(() -> {
            try {
                return await(cometql.presence(List.of(id))).get(id).state() == UserPresence.State.ONLINE;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, "user " + id + " online");
        return s;
    }

    void awaitSubscribers(String pipe, int n) throws Exception {
        poll(() -> {
            try {
                return await(cometql.subscriberCounts(List.of(pipe))).get(pipe) == n;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, n + " subscribers on " + pipe);
    }

    @Test
    void aUsersAuthKeyLogsIn() throws Exception {
        long id = newUser();
        CometSocket s = login(id, new RecordingListener());
        assertThat(s.uri().toString()).endsWith("/ws/sesion=key" + id + "&myid=" + id + "&devid=0&v=4.09&uuid="
                + s.uuid() + "&api=js");
    }

    @Test
    void aWrongKeyIsRejected() throws Exception {
        long id = newUser();
        CometSocket s = open(server.endpoint(), id, "not-the-key", new RecordingListener());
        assertThat(await(s.login()).outcome()).isEqualTo(LoginResult.Outcome.KEY_REJECTED);
    }

    @Test
    void noServerMeansUnreachable() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Map<String, String> config = new HashMap<>();
        config.put("ws", "127.0.0.1:" + port);
        CometSocket s = open(CometEndpoint.fromConfig(config), 5, "k", new RecordingListener());
        LoginResult result = await(s.login());
        assertThat(result.outcome()).isEqualTo(LoginResult.Outcome.UNREACHABLE);
        assertThat(result.detail()).contains("cannot connect");
    }

    @Test
    void pipeMessagesArriveWithHostileBodiesIntact() throws Exception {
        long id = newUser();
        RecordingListener listener = new RecordingListener();
        CometSocket s = login(id, listener);
        String pipe = "room_" + id;
        await(s.subscribe(List.of(pipe)));
        awaitSubscribers(pipe, 1);
        for (int i = 0; i < HOSTILE.length; i++) {
            CometBody body = CometBody.text("42", "alice", HOSTILE[i], "m" + i, 1732300000000L + i);
            await(cometql.publish(pipe, "message", body));
            CometEvent.PipeMessage got = listener.await(CometEvent.PipeMessage.class,
                    m -> m.body().id() != null && m.body().id().equals(body.id()), WAIT);
            assertThat(got.pipe()).isEqualTo(pipe);
            assertThat(got.event()).isEqualTo("message");
            assertThat(got.body().text()).isEqualTo(CometQlLiteralTest.withoutLoneSurrogates(HOSTILE[i]));
            assertThat(got.body().nick()).isEqualTo("alice");
        }
    }

    @Test
    void privateMessagesReachAnOnlineUser() throws Exception {
        long id = newUser();
        RecordingListener listener = new RecordingListener();
        login(id, listener);
        for (int i = 0; i < HOSTILE.length; i++) {
            CometBody body = CometBody.text("7", "bob", HOSTILE[i], "p" + i, 1);
            await(cometql.sendPrivate(id, "message", body));
            CometEvent.PrivateMessage got = listener.await(CometEvent.PrivateMessage.class,
                    m -> body.id().equals(m.body().id()), WAIT);
            assertThat(got.body().text()).isEqualTo(CometQlLiteralTest.withoutLoneSurrogates(HOSTILE[i]));
            assertThat(got.body().nick()).isEqualTo("bob");
            assertThat(got.fromQueue()).isFalse();
        }
    }

    @Test
    void privateMessagesWaitForAnOfflineUser() throws Exception {
        long id = newUser();
        CometBody body = CometBody.text("7", "bob", "while you were away 😀 it's", "q1", 2);
        await(cometql.sendPrivate(id, "message", body));
        RecordingListener listener = new RecordingListener();
        login(id, listener);
        CometEvent.PrivateMessage got = listener.await(CometEvent.PrivateMessage.class,
                m -> "q1".equals(m.body().id()), WAIT);
        assertThat(got.body()).isEqualTo(body);
        assertThat(got.fromQueue()).isTrue();
    }

    @Test
    void presenceFollowsConnections() throws Exception {
        long watcher = newUser();
        long buddy = newUser();
        RecordingListener watching = new RecordingListener();
        CometSocket w = login(watcher, watching);
        await(w.subscribe(List.of("user_status_" + buddy)));
        awaitSubscribers("user_status_" + buddy, 1);
        CometSocket b = login(buddy, new RecordingListener());
        watching.await(CometEvent.Presence.class, p -> p.userId() == buddy && p.online(), WAIT);
        assertThat(await(cometql.presence(List.of(buddy))).get(buddy).state()).isEqualTo(UserPresence.State.ONLINE);
        await(b.close());
        watching.await(CometEvent.Presence.class, p -> p.userId() == buddy && !p.online(), WAIT);
        poll(() -> {
            try {
                return await(cometql.presence(List.of(buddy))).get(buddy).state() == UserPresence.State.OFFLINE;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, "users_time offline for " + buddy);
        assertThat(await(cometql.presence(List.of(buddy))).get(buddy).lastSeen()).isPositive();
    }

    @Test
    void subscribersAreListed() throws Exception {
        long id = newUser();
        CometSocket s = login(id, new RecordingListener());
        String pipe = "list_" + id;
        await(s.subscribe(List.of(pipe)));
        awaitSubscribers(pipe, 1);
        List<PipeSubscriber> subs = await(cometql.subscribers(pipe));
        assertThat(subs).extracting(PipeSubscriber::userId).containsExactly(id);
        assertThat(subs.get(0).uuid()).isEqualTo(s.uuid());
        await(s.unsubscribe(List.of(pipe)));
        awaitSubscribers(pipe, 0);
    }

    @Test
    void aDroppedLinkReconnectsAndResubscribes() throws Exception {
        long id = newUser();
        RecordingListener listener = new RecordingListener();
        CometSocket s = login(id, listener);
        String pipe = "again_" + id;
        await(s.subscribe(List.of(pipe)));
        awaitSubscribers(pipe, 1);
        // Removing the key disconnects the user's sockets; putting it back lets the reconnect in.
        await(cometql.removeUserKey(id));
        await(cometql.setUserKey(id, "key" + id));
        listener.await(RecordingListener.LinkLost.class, l -> true, WAIT);
        listener.await(RecordingListener.LinkRestored.class, l -> true, WAIT);
        awaitSubscribers(pipe, 1);
        await(cometql.publish(pipe, "message", CometBody.text("1", "x", "after reconnect", "r1", 3)));
        listener.await(CometEvent.PipeMessage.class, m -> "r1".equals(m.body().id()), WAIT);
    }

    @Test
    void aKeyRevokedWhileConnectedStopsTheSocket() throws Exception {
        long id = newUser();
        RecordingListener listener = new RecordingListener();
        login(id, listener);
        await(cometql.removeUserKey(id));
        listener.await(RecordingListener.LinkLost.class, l -> true, WAIT);
        listener.await(RecordingListener.KeyRejected.class, l -> true, WAIT);
    }
}

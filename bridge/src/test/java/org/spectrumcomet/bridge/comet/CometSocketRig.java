package org.spectrumcomet.bridge.comet;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.nio.NioEventLoopGroup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.spectrumcomet.bridge.comet.servers.CometServerUnderTest;

/**
 * Shared set-up for tests that drive {@link CometSocket}s against a real comet server: a CometQL
 * client, an event loop, users with keys, polling with a deadline. Subclasses pick the server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CometSocketRig {

    static final Duration WAIT = Duration.ofSeconds(10);

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
}

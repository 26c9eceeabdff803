package org.spectrumcomet.bridge.comet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.spectrumcomet.bridge.comet.servers.CometServerUnderTest;

/** CometQL client behaviour every comet server must show; subclasses pick the server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CometQlClientContract {

    /** Ids unique within a run, apart from the WebSocket contract's ids. */
    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000 * 100 + 1_000_000);

    CometServerUnderTest server;
    CometQlClient client;

    static long freshUserId() {
        return IDS.incrementAndGet();
    }

    @BeforeAll
    void connect(CometServerUnderTest server) {
        this.server = server;
        this.client = CometQlClient.open(server.endpoint());
    }

    @AfterAll
    void close() {
        if (client != null) {
            client.close();
        }
    }

    static <T> T await(java.util.concurrent.CompletableFuture<T> f) throws Exception {
        return f.get(20, TimeUnit.SECONDS);
    }

    @Test
    void userKeysCanBeWrittenReadAndRemoved() throws Exception {
        long id = freshUserId();
        await(client.setUserKey(id, "k" + id));
        assertThat(await(client.userKey(id))).contains("k" + id);
        await(client.removeUserKey(id));
        assertThat(await(client.userKey(id))).isEqualTo(Optional.empty());
    }

    @Test
    void unknownUsersHaveUnknownPresence() throws Exception {
        long a = freshUserId();
        long b = freshUserId();
        Map<Long, UserPresence> p = await(client.presence(List.of(a, b)));
        assertThat(p).containsOnlyKeys(a, b);
        assertThat(p.get(a).state()).isEqualTo(UserPresence.State.UNKNOWN);
    }

    @Test
    void presenceOfManyIdsIsSplitUnderTheStatementLimit() throws Exception {
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            ids.add(900_000_000L + i); // our server keeps the seed's 9-digit limit
        }
        assertThat(await(client.presence(ids))).hasSize(1200);
    }

    @Test
    void historyKeepsHostileBodiesExactly() throws Exception {
        String pipe = "hist_" + freshUserId();
        await(client.setHistoryLength(pipe, 10));
        String hostile = "it's \"quoted\" \\ back\\slash \\' \n new\tline \0 nul <b>&amp;</b> 😀 é ; */ --";
        await(client.publish(pipe, "message", CometBody.text("42", "alice", hostile, "m1", 1732300000000L)));
        await(client.publishText(pipe, "plain", "'); DELETE FROM users_auth WHERE id IN (1); --"));
        List<PipeHistoryEntry> history = await(client.history(pipe));
        assertThat(history).hasSize(2);
        assertThat(history.get(0).body()).isEqualTo(CometBody.text("42", "alice", hostile, "m1", 1732300000000L));
        assertThat(history.get(0).event()).isEqualTo("message");
        assertThat(history.get(1).body().text()).isEqualTo("'); DELETE FROM users_auth WHERE id IN (1); --");
    }

    @Test
    void pipesWithoutSubscribersCountZero() throws Exception {
        String pipe = "empty_" + freshUserId();
        assertThat(await(client.subscriberCounts(List.of(pipe)))).isEqualTo(Map.of(pipe, 0));
        assertThat(await(client.subscribers(pipe))).isEmpty();
    }

    @Test
    void tooLargeStatementsAreRefusedBeforeSending() {
        String big = "x".repeat(9000);
        assertThatThrownBy(() -> client.publishText("pipe_big", "e", big))
                .isInstanceOf(CometQlException.TooLarge.class).hasMessageContaining("9000");
    }

    @Test
    void serverErrorsCarryTheCometQlCode() {
        // users_time is read only on every comet server.
        assertThatThrownBy(() -> await(client.update(CometQlStatement.of(
                "INSERT INTO users_time (id, time) VALUES (5, 0)"))))
                .hasCauseInstanceOf(CometQlException.class)
                .satisfies(e -> assertThat(((CometQlException) e.getCause()).serverCode()).isEqualTo(10));
    }

    @Test
    void aWrongKeyFailsWithAClearError() {
        Map<String, String> config = new HashMap<>();
        config.put("cometql", server.endpoint().cometqlHost() + ":" + server.endpoint().cometqlPort());
        config.put("key", "wrong-key");
        try (CometQlClient wrong = CometQlClient.open(CometEndpoint.fromConfig(config))) {
            assertThatThrownBy(() -> await(wrong.userKey(1)))
                    .hasCauseInstanceOf(CometQlException.class).hasMessageContaining("cannot log in");
        }
    }

    @Test
    void manyConcurrentCallsShareTheBoundedPool() throws Exception {
        String pipe = "conc_" + freshUserId();
        await(client.setHistoryLength(pipe, 50));
        var futures = new java.util.ArrayList<java.util.concurrent.CompletableFuture<Void>>();
        for (int i = 0; i < 40; i++) {
            futures.add(client.publishText(pipe, "e", "n" + i));
        }
        for (var f : futures) {
            await(f);
        }
        if (keepsEveryConcurrentInsertInHistory()) {
            assertThat(await(client.history(pipe))).hasSize(40);
        } else {
            assertThat(await(client.history(pipe))).hasSizeBetween(30, 40);
        }
    }

    /**
     * Whether the server under test keeps all of 40 concurrent inserts in a pipe's history. CppComet
     * answers every one OK but now and then keeps 39 (seen in a run on a loaded machine): its history
     * write races with itself, which is CppComet's to fix, not the client's to test.
     */
    boolean keepsEveryConcurrentInsertInHistory() {
        return true;
    }

    @Test
    void aBorrowerWaitsAtMostPoolWait() throws Exception {
        Map<String, String> config = new HashMap<>();
        config.put("cometql", server.endpoint().cometqlHost() + ":" + server.endpoint().cometqlPort());
        config.put("user", server.endpoint().user());
        config.put("key", server.endpoint().key());
        config.put("pool_size", "1");
        config.put("pool_wait", "200ms");
        try (CometQlPool pool = new CometQlPool(CometEndpoint.fromConfig(config));
             CometQlPool.Lease held = pool.borrow()) {
            assertThat(held.connection().isValid(2)).isTrue();
            long start = System.nanoTime();
            assertThatThrownBy(pool::borrow).isInstanceOf(CometQlException.Busy.class)
                    .hasMessageContaining("200 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(150),
                    Duration.ofSeconds(3));
        }
    }

    @Test
    void aBrokenConnectionIsReplaced() throws Exception {
        Map<String, String> config = new HashMap<>();
        config.put("cometql", server.endpoint().cometqlHost() + ":" + server.endpoint().cometqlPort());
        config.put("user", server.endpoint().user());
        config.put("key", server.endpoint().key());
        config.put("pool_size", "1");
        try (CometQlPool pool = new CometQlPool(CometEndpoint.fromConfig(config))) {
            java.sql.Connection first;
            try (CometQlPool.Lease lease = pool.borrow()) {
                first = lease.connection();
                first.close();
                lease.broken();
            }
            try (CometQlPool.Lease lease = pool.borrow()) {
                assertThat(lease.connection()).isNotSameAs(first);
                assertThat(lease.connection().isValid(2)).isTrue();
            }
        }
    }
}

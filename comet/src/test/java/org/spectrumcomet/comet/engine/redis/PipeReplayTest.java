package org.spectrumcomet.comet.engine.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.spectrumcomet.comet.engine.Session;
import org.spectrumcomet.comet.engine.local.ConfiguredTenants;
import org.spectrumcomet.comet.engine.local.EngineLimits;

/**
 * Pipe messages published while a node's pub/sub connection is away reach its subscribers once it
 * is back: read back from the pipe's replay stream, once each, in publish order (real redis-server,
 * pub/sub connections killed with {@code CLIENT KILL TYPE pubsub} while another node publishes).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipeReplayTest {

    private static final String T = "1";

    @TempDir
    static Path dir;
    private RedisServer redis;

    @BeforeAll
    void startRedis() throws Exception {
        RedisServer.assumeInstalled();
        redis = RedisServer.start(dir.resolve("redis"));
    }

    @AfterAll
    void stopRedis() throws Exception {
        if (redis != null) {
            redis.close();
        }
    }

    private RedisCometEngine node(String prefix) {
        return new RedisCometEngine(new ConfiguredTenants(Map.of(T, "k1")), redis.settings().withKeyPrefix(prefix),
                new EngineLimits(3, 32), Clock.systemUTC());
    }

    private static RecordingConnection connect(RedisCometEngine node, long userId, String pipe) {
        RecordingConnection c = new RecordingConnection("u" + userId);
        Session s = node.attach(T, userId, c);
        node.subscribe(s, List.of(pipe));
        c.session = s;
        return c;
    }

    @Test
    void messagesPublishedWhilePubSubReconnectsArriveOnceInOrder() throws Exception {
        try (RedisCometEngine publisher = node("replay1:"); RedisCometEngine subscriber = node("replay1:")) {
            RecordingConnection far = connect(subscriber, 5, "room");
            RecordingConnection near = connect(publisher, 6, "room");
            List<Object> sent = new ArrayList<>();
            int kills = 0;
            for (int i = 0; i < 400; i++) {
                sent.add("m" + i);
                publisher.publish(T, "room", "e", "m" + i, 0, null);
                if (i % 80 == 40) {
                    assertThat(redis.command("CLIENT KILL TYPE pubsub")).startsWith(":");
                    kills++;
                }
            }
            assertThat(kills).isEqualTo(5);
            Poll.until(() -> far.dataOn("room").size() >= sent.size() && near.dataOn("room").size() >= sent.size());
            Poll.quiet();
            assertThat(far.dataOn("room")).containsExactlyElementsOf(sent);
            assertThat(near.dataOn("room")).containsExactlyElementsOf(sent);
        }
    }

    @Test
    void trackAnnouncementsAreNumberedAndReadBackToo() throws Exception {
        try (RedisCometEngine joining = node("replay3:"); RedisCometEngine watching = node("replay3:")) {
            RecordingConnection watcher = connect(watching, 5, "track_hall");
            assertThat(redis.command("CLIENT KILL TYPE pubsub")).startsWith(":");
            for (int user = 10; user < 20; user++) {
                connect(joining, user, "track_hall");
            }
            Poll.until(() -> watcher.events.stream().filter(e -> e.event().equals("subscription")).count() >= 10);
            Poll.quiet();
            assertThat(watcher.events.stream().filter(e -> e.event().equals("subscription"))
                    .map(e -> (Object) ((Map<?, ?>) e.data()).get("user_id")).toList())
                    .containsExactly(10, 11, 12, 13, 14, 15, 16, 17, 18, 19);
        }
    }

    @Test
    void aSubscriberJoiningLaterGetsOnlyWhatFollows() throws Exception {
        try (RedisCometEngine publisher = node("replay2:"); RedisCometEngine subscriber = node("replay2:")) {
            RecordingConnection first = connect(subscriber, 5, "room");
            publisher.publish(T, "room", "e", "before", 0, null);
            Poll.until(() -> first.dataOn("room").size() == 1);
            RecordingConnection later = connect(subscriber, 7, "hall");
            publisher.publish(T, "hall", "e", "after", 0, null);
            Poll.until(() -> later.dataOn("hall").size() == 1);
            Poll.quiet();
            assertThat(later.dataOn("hall")).containsExactly("after");
            assertThat(first.dataOn("room")).containsExactly("before");
        }
    }

    @Test
    void theConfiguredReplayBoundsTrimAndExpireEachPipesStream() throws Exception {
        RedisSettings bounded = redis.settings().withKeyPrefix("replay4:").withReplayMessages(5)
                .withReplayAge(java.time.Duration.ofSeconds(7));
        try (RedisCometEngine publisher = new RedisCometEngine(new ConfiguredTenants(Map.of(T, "k1")), bounded,
                new EngineLimits(3, 32), Clock.systemUTC())) {
            RecordingConnection near = connect(publisher, 6, "room");
            for (int i = 0; i < 20; i++) {
                publisher.publish(T, "room", "e", "m" + i, 0, null);
            }
            Poll.until(() -> near.dataOn("room").size() == 20);
            assertThat(redis.command("XLEN replay4:t:1:replay:room")).isEqualTo(":5");
            assertThat(redis.command("XRANGE replay4:t:1:replay:room 16-0 16-0")).as("newest five kept").isEqualTo("*1");
            assertThat(redis.command("XRANGE replay4:t:1:replay:room 15-0 15-0")).as("older ones trimmed").isEqualTo("*0");
            long ttl = Long.parseLong(redis.command("TTL replay4:t:1:replay:room").substring(1));
            assertThat(ttl).isBetween(1L, 7L);
        }
    }

    /** A large replay_messages must not make one read-back a single huge XRANGE (Redis serves nothing else meanwhile). */
    @Test
    void oneReadBackFetchesAtMostABatchHoweverManyAreKept() throws Exception {
        int published = PipeReplay.READ_BATCH + 200;
        RedisSettings roomy = redis.settings().withKeyPrefix("replay5:").withReplayMessages(5 * PipeReplay.READ_BATCH);
        try (RedisCometEngine publisher = new RedisCometEngine(new ConfiguredTenants(Map.of(T, "k1")), roomy,
                new EngineLimits(3, 32), Clock.systemUTC()); RedisLink link = RedisLink.connect(roomy)) {
            RecordingConnection near = connect(publisher, 6, "bulk");
            for (int i = 0; i < published; i++) {
                publisher.publish(T, "bulk", "e", "m" + i, 0, null);
            }
            Poll.until(() -> near.dataOn("bulk").size() == published);
            PipeReplay replay = new PipeReplay(link, new RedisKeys("replay5:"), roomy.replayMessages(), roomy.replayAge());
            PipeReplay.Tail tail = replay.after(T, "bulk", 0).toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(tail.current()).isEqualTo(published);
            assertThat(tail.envelopes()).hasSize(PipeReplay.READ_BATCH);
            assertThat(tail.envelopes().get(0).sequence()).isEqualTo(1);
            assertThat(replay.batch()).isEqualTo(PipeReplay.READ_BATCH);
        }
    }
}

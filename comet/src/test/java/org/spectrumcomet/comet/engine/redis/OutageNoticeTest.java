package org.spectrumcomet.comet.engine.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrumcomet.comet.engine.CometEvent;
import org.spectrumcomet.comet.engine.Session;
import org.spectrumcomet.comet.engine.local.ConfiguredTenants;
import org.spectrumcomet.comet.engine.local.EngineLimits;

/**
 * What a node's clients are told when its link to Redis fails (real redis-server, one per test):
 * a dropped pub/sub connection is not reported as an unreachable Redis, and an unreachable Redis
 * is reported once, not once per connection that noticed.
 */
class OutageNoticeTest {

    private static final String T = "1";

    @TempDir
    Path dir;
    private RedisServer redis;
    private RedisCometEngine listening;
    private RedisCometEngine publishing;

    @BeforeEach
    void start() throws Exception {
        RedisServer.assumeInstalled();
        redis = RedisServer.start(dir.resolve("redis"));
        listening = node();
        publishing = node();
    }

    @AfterEach
    void stop() throws Exception {
        for (RedisCometEngine node : new RedisCometEngine[] {listening, publishing}) {
            if (node != null) {
                node.close();
            }
        }
        if (redis != null) {
            redis.close();
        }
    }

    private RedisCometEngine node() {
        return new RedisCometEngine(new ConfiguredTenants(Map.of(T, "k1")), redis.settings().withReplayMessages(50)
                .withReplayAge(java.time.Duration.ofSeconds(60)), new EngineLimits(3, 32), Clock.systemUTC());
    }

    private static RecordingConnection subscriber(RedisCometEngine node, String pipe) {
        RecordingConnection c = new RecordingConnection("u5");
        Session s = node.attach(T, 5, c);
        node.subscribe(s, List.of(pipe));
        c.session = s;
        return c;
    }

    private static List<String> notices(RecordingConnection c) {
        return c.events.stream().filter(e -> e.pipe().equals("sys")).map(CometEvent::data)
                .map(d -> ((Map<?, ?>) d).get("code") + " " + ((Map<?, ?>) d).get("error")).toList();
    }

    @Test
    void aDroppedPubSubConnectionIsReportedAsLateDeliveryNotAsRedisUnreachable() throws Exception {
        RecordingConnection c = subscriber(listening, "room");
        assertThat(redis.command("CLIENT KILL TYPE pubsub")).startsWith(":");
        Poll.until(() -> !notices(c).isEmpty());
        publishing.publish(T, "room", "e", "after the drop", 0, null);
        Poll.until(() -> c.dataOn("room").contains("after the drop"));
        Poll.quiet();
        assertThat(notices(c)).singleElement().asString()
                .startsWith("503 This node's subscription connection to Redis dropped")
                .contains("publishing still works", "the newest 50 per pipe within 60 s")
                .doesNotContain("unreachable");
    }

    @Test
    void anUnreachableRedisIsReportedOnceThoughBothConnectionsDrop() throws Exception {
        RecordingConnection c = subscriber(listening, "room");
        redis.kill();
        Poll.until(() -> !notices(c).isEmpty());
        // watch past the command timeout (2 s): a second notice from the PING after the pub/sub drop would show
        Thread.sleep(2500);
        assertThat(notices(c)).containsExactly(
                "503 The comet network's Redis is unreachable: messages are not delivered until it returns");
    }
}

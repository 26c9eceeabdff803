package org.spectrumcomet.comet.engine.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrumcomet.comet.engine.PipeMessage;
import org.spectrumcomet.comet.engine.QueuedMessage;
import org.spectrumcomet.comet.engine.local.ConfiguredTenants;
import org.spectrumcomet.comet.engine.local.EngineLimits;
import org.spectrumcomet.comet.store.CometStoreException;

/**
 * Redis with persistence on ({@code appendonly yes}, {@code appendfsync always}) killed with -9
 * and restarted: what a node acknowledged (history, queues, settings, keys) is still there, and
 * the node that lived through the outage works again without a restart of its own.
 */
class RedisRestartTest {

    private static final String T = "1";

    @TempDir
    Path dir;
    private RedisServer redis;
    private RedisCometEngine node;

    @AfterEach
    void stop() throws Exception {
        if (node != null) {
            node.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void acknowledgedStateSurvivesAKilledRedis() throws Exception {
        RedisServer.assumeInstalled();
        redis = RedisServer.start(dir, 0, true);
        node = new RedisCometEngine(new ConfiguredTenants(Map.of(T, "k")), redis.settings(), EngineLimits.DEFAULTS,
                Clock.systemUTC());
        node.setHistoryLength(T, "kept", 5);
        node.publish(T, "kept", "e", "h1", 0, null);
        node.publish(T, "trust_x", "e", "t1", 0, null);
        node.sendToUser(T, 40, "e", "queued");
        node.setUserKey(T, 40, "key40");

        int port = redis.port();
        redis.kill();
        redis = RedisServer.start(dir, port, true);

        Poll.until(() -> {
            try {
                return node.history(T, "kept", 99).size() == 1;
            } catch (RuntimeException e) {
                return false; // still reconnecting
            }
        });
        assertThat(node.history(T, "kept", 99)).extracting(PipeMessage::text).containsExactly("h1");
        assertThat(node.history(T, "trust_x", 99)).extracting(PipeMessage::text).containsExactly("t1");
        assertThat(node.historyLength(T, "kept")).hasValue(5);
        assertThat(node.queue(T, 40)).extracting(QueuedMessage::text).containsExactly("queued");
        assertThat(node.userKey(T, 40)).hasValue("key40");
        // The pub/sub connection may come back after the command one: until then an attach fails
        // cleanly (a store error, nothing taken from the queue).
        RecordingConnection device = new RecordingConnection("d");
        Poll.until(() -> {
            try {
                node.attach(T, 40, device);
                return true;
            } catch (CometStoreException e) {
                assertThat(e.isUnreachable()).as(e.getMessage()).isTrue();
                return false;
            }
        });
        assertThat(device.dataOn("msg")).isEqualTo(List.of("queued"));
    }
}

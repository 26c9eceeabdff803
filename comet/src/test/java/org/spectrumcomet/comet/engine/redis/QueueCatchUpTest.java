package org.spectrumcomet.comet.engine.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrumcomet.comet.engine.PrivateReceipt;
import org.spectrumcomet.comet.engine.local.ConfiguredTenants;
import org.spectrumcomet.comet.engine.local.EngineLimits;

/**
 * A private message sent while a node's pub/sub connection is away reaches the user connected there
 * once it is back, without a reconnect of the user (real redis-server). The pub/sub connection is
 * held away deterministically: a Redis password set after the node connected keeps its command
 * connection (already authenticated) working and makes every new connection fail, so the killed
 * pub/sub connection cannot come back until the password is removed.
 */
class QueueCatchUpTest {

    private static final String T = "1";

    @TempDir
    Path dir;
    private RedisServer redis;
    private RedisCometEngine node;

    @BeforeEach
    void start() throws Exception {
        RedisServer.assumeInstalled();
        redis = RedisServer.start(dir.resolve("redis"));
        node = new RedisCometEngine(new ConfiguredTenants(Map.of(T, "k1")), redis.settings(), new EngineLimits(10, 32),
                Clock.systemUTC());
    }

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
    void aMessageQueuedWhileOnlyThePubSubConnectionWasAwayIsDeliveredWhenItIsBack() throws Exception {
        RecordingConnection user = new RecordingConnection("u5");
        user.session = node.attach(T, 5, user);
        assertThat(redis.command("CONFIG SET requirepass away")).isEqualTo("+OK");
        try {
            assertThat(redis.command("AUTH away\r\nCLIENT KILL TYPE pubsub")).isEqualTo("+OK");
            Poll.until(() -> user.events.stream().anyMatch(e -> e.pipe().equals("sys")));

            PrivateReceipt receipt = node.sendToUser(T, 5, "chat", "sent while away");

            assertThat(receipt.queued()).as("Redis counted no listener: queued").isTrue();
            Poll.quiet();
            assertThat(user.dataOn("msg")).as("not live: the channel is not subscribed").isEmpty();
        } finally {
            redis.command("AUTH away\r\nCONFIG SET requirepass \"\"");
        }
        Poll.until(() -> user.dataOn("msg").size() == 1);
        assertThat(user.dataOn("msg")).containsExactly("sent while away");
        assertThat(node.queue(T, 5)).as("taken from the queue").isEmpty();
        node.sendToUser(T, 5, "chat", "live again");
        Poll.until(() -> user.dataOn("msg").size() == 2);
        assertThat(user.dataOn("msg")).containsExactly("sent while away", "live again");
    }
}

package org.spectrumcomet.comet.engine.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.spectrumcomet.comet.engine.PipeMessage;
import org.spectrumcomet.comet.engine.PrivateReceipt;
import org.spectrumcomet.comet.engine.QueuedMessage;
import org.spectrumcomet.comet.engine.Session;
import org.spectrumcomet.comet.engine.local.ConfiguredTenants;
import org.spectrumcomet.comet.engine.local.EngineLimits;

/**
 * Two in-process nodes on one real redis-server: what one node does, the other sees. Each test
 * uses its own key prefix, so tests never see each other's data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisCometEngineTest {

    private static final String T = "1";
    private static final String T2 = "2";

    @TempDir
    static Path dir;
    private RedisServer redis;
    private RedisCometEngine one;
    private RedisCometEngine two;
    private int prefixes;
    private RedisSettings settings;

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

    @BeforeEach
    void startNodes() {
        settings = redis.settings().withKeyPrefix("test" + (++prefixes) + ":");
        one = node(settings);
        two = node(settings);
    }

    private static RedisCometEngine node(RedisSettings settings) {
        return new RedisCometEngine(new ConfiguredTenants(Map.of(T, "k1", T2, "k2")), settings,
                new EngineLimits(3, 32), Clock.systemUTC());
    }

    @AfterEach
    void stopNodes() {
        for (RedisCometEngine e : new RedisCometEngine[] {one, two}) {
            if (e != null) {
                e.close();
            }
        }
    }

    private static RecordingConnection connect(RedisCometEngine node, String tenant, long userId, String... pipes) {
        RecordingConnection c = new RecordingConnection("u" + userId);
        Session s = node.attach(tenant, userId, c);
        node.subscribe(s, List.of(pipes));
        c.session = s;
        return c;
    }

    @Test
    void aPublishOnOneNodeReachesEverySubscriberOnBothNodesOnceInOrder() throws Exception {
        RecordingConnection near = connect(one, T, 0, "room");
        RecordingConnection far = connect(two, T, 0, "room");
        List<Object> sent = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            sent.add("m" + i);
            assertThat(one.publish(T, "room", "e", "m" + i, 0, null).delivered()).as("connections reached").isEqualTo(2);
        }
        Poll.until(() -> far.dataOn("room").size() >= 200 && near.dataOn("room").size() >= 200);
        Poll.quiet();
        assertThat(far.dataOn("room")).containsExactlyElementsOf(sent);
        assertThat(near.dataOn("room")).containsExactlyElementsOf(sent);
        assertThat(far.events.get(0).userId()).as("CometQL publishes carry no user").isEqualTo(-1);
    }

    @Test
    void publishesFromBothNodesArriveInTheSameOrderEverywhere() throws Exception {
        RecordingConnection a = connect(one, T, 0, "mixed");
        RecordingConnection b = connect(two, T, 0, "mixed");
        Thread writer = new Thread(() -> IntStream.range(0, 100).forEach(i -> two.publish(T, "mixed", "e", "two" + i, 0, null)));
        writer.start();
        IntStream.range(0, 100).forEach(i -> one.publish(T, "mixed", "e", "one" + i, 0, null));
        writer.join();
        Poll.until(() -> a.dataOn("mixed").size() >= 200 && b.dataOn("mixed").size() >= 200);
        Poll.quiet();
        assertThat(a.dataOn("mixed")).hasSize(200).containsExactlyElementsOf(b.dataOn("mixed"));
    }

    @Test
    void threeNodesPublishingAtOnceDeliverOnePipeInOneOrderEverywhere() throws Exception {
        try (RedisCometEngine three = node(settings)) {
            List<RecordingConnection> subscribers = List.of(connect(one, T, 0, "three"), connect(two, T, 0, "three"),
                    connect(three, T, 0, "three"));
            List<Thread> writers = new ArrayList<>();
            for (RedisCometEngine n : List.of(one, two, three)) {
                String name = n.node();
                Thread w = new Thread(() -> IntStream.range(0, 50).forEach(i -> n.publish(T, "three", "e", name + i, 0, null)));
                writers.add(w);
                w.start();
            }
            for (Thread w : writers) {
                w.join();
            }
            Poll.until(() -> subscribers.stream().allMatch(c -> c.dataOn("three").size() >= 150));
            Poll.quiet();
            List<Object> order = subscribers.get(0).dataOn("three");
            assertThat(order).hasSize(150).doesNotHaveDuplicates();
            for (RecordingConnection c : subscribers) {
                assertThat(c.dataOn("three")).containsExactlyElementsOf(order);
            }
        }
    }

    @Test
    void aPipeReceiptCountsConnectionsOnEveryLiveNodeNotNodes() throws Exception {
        RecordingConnection sender = connect(one, T, 5, "web_count");
        connect(two, T, 6, "web_count");
        connect(two, T, 7, "web_count");
        // a subscription reaches Redis asynchronously: count once all three are registered there
        Poll.until(() -> one.subscriberCount(T, "web_count") == 3);
        assertThat(one.publish(T, "web_count", "e", "all", 0, null).delivered()).isEqualTo(3);
        assertThat(one.publish(T, "web_count", "e", "not me", 5, sender.session).delivered())
                .as("the sender's own connection is not counted").isEqualTo(2);
        two.close();
        two = null;
        assertThat(one.publish(T, "web_count", "e", "after", 0, null).delivered())
                .as("a closed node's connections are not counted").isEqualTo(1);
        assertThat(one.publish(T, "nobody_here", "e", "x", 0, null).delivered()).isZero();
    }

    @Test
    void aSessionDoesNotGetItsOwnWebPipeMessageButItsPeersOnOtherNodesDo() throws Exception {
        RecordingConnection sender = connect(one, T, 5, "web_chat");
        RecordingConnection peer = connect(two, T, 6, "web_chat");
        one.publish(T, "web_chat", "e", "hi", 5, sender.session);
        Poll.until(() -> peer.dataOn("web_chat").size() == 1);
        assertThat(peer.events.stream().filter(e -> e.pipe().equals("web_chat")).findFirst().orElseThrow().userId())
                .isEqualTo(5);
        Poll.quiet();
        assertThat(sender.dataOn("web_chat")).isEmpty();
    }

    @Test
    void aLeftPipeStopsReachingTheNode() throws Exception {
        RecordingConnection far = connect(two, T, 0, "leave_me");
        two.subscribe(far.session, List.of("other"));
        one.publish(T, "leave_me", "e", "late", 0, null);
        Poll.quiet();
        assertThat(far.dataOn("leave_me")).isEmpty();
    }

    @Test
    void historyAndSettingsAreSharedByTheNodes() {
        one.setHistoryLength(T, "hist", 3);
        assertThat(two.historyLength(T, "hist")).hasValue(3);
        for (int i = 0; i < 5; i++) {
            two.publish(T, "hist", "e", "h" + i, 0, null);
        }
        assertThat(one.history(T, "hist", 99)).extracting(PipeMessage::text).containsExactly("h2", "h3", "h4");
        assertThat(one.history(T, "hist", 2)).extracting(PipeMessage::text).containsExactly("h3", "h4");
        String id = one.history(T, "hist", 99).get(1).id();
        assertThat(two.deleteHistoryMessage(T, id)).isTrue();
        assertThat(two.deleteHistoryMessage(T, id)).isFalse();
        assertThat(one.history(T, "hist", 99)).extracting(PipeMessage::text).containsExactly("h2", "h4");
        one.setHistoryLength(T, "hist", 1);
        assertThat(two.history(T, "hist", 99)).extracting(PipeMessage::text).containsExactly("h4");
        two.clearHistory(T, "hist");
        assertThat(one.history(T, "hist", 99)).isEmpty();
        two.deletePipeSettings(T, "hist");
        assertThat(one.historyLength(T, "hist")).isEmpty();
        two.publish(T, "hist", "e", "not kept", 0, null);
        assertThat(one.history(T, "hist", 99)).isEmpty();
        assertThat(two.publish(T, "trust_x", "e", "kept", 7, null).messageId()).isNotEmpty();
        assertThat(one.history(T, "trust_x", 99)).extracting(PipeMessage::text, PipeMessage::userId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("kept", 7L));
    }

    @Test
    void aQueuedPrivateMessageIsDeliveredOnceOnWhicheverNodeTheUserJoins() throws Exception {
        PrivateReceipt receipt = one.sendToUser(T, 7, "e", "while away");
        assertThat(receipt.queued()).isTrue();
        assertThat(two.queue(T, 7)).extracting(QueuedMessage::text).containsExactly("while away");
        RecordingConnection device = connect(two, T, 7);
        assertThat(device.dataOn("msg")).containsExactly("while away");
        assertThat(device.events.get(0).fromQueue()).isTrue();
        RecordingConnection second = connect(one, T, 7);
        assertThat(second.dataOn("msg")).isEmpty();
        assertThat(one.queue(T, 7)).isEmpty();

        // online now: a message from node one goes live to both devices, queued nowhere
        PrivateReceipt live = one.sendToUser(T, 7, "e", "live");
        assertThat(live.queued()).isFalse();
        assertThat(live.delivered()).as("connections chosen").isEqualTo(2);
        Poll.until(() -> device.dataOn("msg").size() == 2 && second.dataOn("msg").size() == 1);
        Poll.quiet();
        assertThat(device.dataOn("msg")).containsExactly("while away", "live");
        assertThat(second.dataOn("msg")).containsExactly("live");
        assertThat(one.queue(T, 7)).isEmpty();
    }

    @Test
    void privateMessagesReachTheUsersOldestSixteenConnectionsAcrossNodes() throws Exception {
        List<RecordingConnection> devices = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            devices.add(connect(i % 2 == 0 ? one : two, T, 16));
        }
        assertThat(two.sendToUser(T, 16, "e", "to sixteen").delivered()).isEqualTo(16);
        Poll.until(() -> devices.subList(0, 16).stream().allMatch(d -> d.dataOn("msg").size() == 1));
        Poll.quiet();
        assertThat(devices.get(16).dataOn("msg")).as("the 17th connection").isEmpty();

        one.detach(devices.get(0).session);
        assertThat(one.sendToUser(T, 16, "e", "again").delivered()).isEqualTo(16);
        Poll.until(() -> devices.get(16).dataOn("msg").size() == 1);
        assertThat(devices.get(16).dataOn("msg")).as("moved into the window").containsExactly("again");
    }

    @Test
    void aMessageSentAsTheLastConnectionLeavesIsQueuedNotLost() throws Exception {
        RecordingConnection only = connect(two, T, 17);
        two.detach(only.session);
        assertThat(one.sendToUser(T, 17, "e", "after").queued()).isTrue();
        assertThat(one.queue(T, 17)).extracting(QueuedMessage::text).containsExactly("after");
    }

    @Test
    void aMessageRacingTheLastConnectionsDetachIsDeliveredOrQueuedNeverDropped() throws Exception {
        for (int i = 0; i < 150; i++) {
            RecordingConnection c = connect(two, T, 17);
            CyclicBarrier start = new CyclicBarrier(2);
            Thread leaving = new Thread(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                two.detach(c.session);
            });
            leaving.start();
            start.await();
            String text = "m" + i;
            one.sendToUser(T, 17, "e", text);
            leaving.join();
            try {
                Poll.until(() -> c.dataOn("msg").contains(text)
                        || one.queue(T, 17).stream().anyMatch(m -> m.text().equals(text)));
            } catch (AssertionError e) {
                throw new AssertionError("round " + i + ": " + text + " neither delivered nor queued", e);
            }
            one.clearQueue(T, 17);
        }
    }

    @Test
    void aFullQueueRefusesNewMessagesAndKeepsTheOldOnes() {
        for (int i = 0; i < 3; i++) {
            assertThat(one.sendToUser(T, 8, "e", "q" + i).queued()).isTrue();
        }
        assertThat(two.sendToUser(T, 8, "e", "q3").refused()).isTrue();
        two.clearQueue(T, 8);
        assertThat(one.queue(T, 8)).isEmpty();
    }

    @Test
    void aUserIsOnlineWhileAnyNodeHoldsADeviceAndOfflineAfterTheLast() throws Exception {
        RecordingConnection watcher = connect(one, T, 0, "user_status_9");
        assertThat(one.lastOnline(T, 9)).isEqualTo(-1);
        RecordingConnection onTwo = connect(two, T, 9);
        Poll.until(() -> watcher.dataOn("user_status_9").size() == 1);
        assertThat(one.lastOnline(T, 9)).isZero();
        RecordingConnection onOne = connect(one, T, 9);
        two.detach(onTwo.session);
        assertThat(two.lastOnline(T, 9)).as("still on node one").isZero();
        one.detach(onOne.session);
        Poll.until(() -> watcher.dataOn("user_status_9").size() == 2);
        assertThat(watcher.dataOn("user_status_9")).containsExactly("online", "offline");
        assertThat(two.lastOnline(T, 9)).isPositive();
    }

    @Test
    void aClosedNodesUsersAreOfflineForTheOthers() throws Exception {
        connect(two, T, 10);
        assertThat(one.lastOnline(T, 10)).isZero();
        two.close();
        two = null;
        assertThat(one.lastOnline(T, 10)).isPositive();
        assertThat(one.sendToUser(T, 10, "e", "after").queued()).isTrue();
    }

    @Test
    void subscribersAreCountedOnEveryNode() throws Exception {
        connect(one, T, 11, "count_me");
        RecordingConnection far = connect(two, T, 0, "count_me");
        Poll.until(() -> one.subscriberCount(T, "count_me") == 2);
        assertThat(two.subscribers(T, "count_me")).extracting(s -> s.userId()).containsExactlyInAnyOrder(11L, 0L);
        two.detach(far.session);
        Poll.until(() -> one.subscriberCount(T, "count_me") == 1);
    }

    @Test
    void trackPipesAnnounceMembersAcrossNodes() throws Exception {
        RecordingConnection old = connect(one, T, 12, "track_room");
        RecordingConnection newcomer = connect(two, T, 13, "track_room");
        Poll.until(() -> old.events.stream().anyMatch(e -> e.event().equals("subscription")));
        assertThat(old.events.get(0).data()).isEqualTo(Map.of("user_id", 13, "uuid", "u13"));
        two.detach(newcomer.session);
        Poll.until(() -> old.events.stream().anyMatch(e -> e.event().equals("unsubscription")));
        assertThat(newcomer.events).isEmpty();
    }

    @Test
    void deletingAKeyOnOneNodeClosesTheUsersConnectionsOnTheOther() throws Exception {
        one.setUserKey(T, 14, "secret14");
        assertThat(two.userKey(T, 14)).hasValue("secret14");
        RecordingConnection far = connect(two, T, 14);
        one.deleteUserKey(T, 14);
        assertThat(two.userKey(T, 14)).isEmpty();
        Poll.until(far.closed::get);
    }

    @Test
    void tenantsNeverSeeEachOthersDataOnAnyNode() throws Exception {
        RecordingConnection tenantOne = connect(one, T, 15, "same");
        one.setHistoryLength(T, "same", 5);
        one.setUserKey(T, 15, "one15");
        two.publish(T2, "same", "e", "two's", 0, null);
        assertThat(two.sendToUser(T2, 15, "e", "for two/15").queued()).as("tenant 2's user 15 is offline").isTrue();
        assertThat(two.userKey(T2, 15)).isEmpty();
        assertThat(two.historyLength(T2, "same")).isEmpty();
        assertThat(two.lastOnline(T2, 15)).isEqualTo(-1);
        assertThat(two.subscriberCount(T2, "same")).isZero();
        Poll.quiet();
        assertThat(tenantOne.events).isEmpty();
        assertThat(one.queue(T, 15)).isEmpty();
        assertThat(one.history(T, "same", 99)).isEmpty();
    }
}

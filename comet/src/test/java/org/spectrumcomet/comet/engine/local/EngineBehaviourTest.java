package org.spectrumcomet.comet.engine.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.comet.engine.CometEvent;
import org.spectrumcomet.comet.engine.PipeMessage;
import org.spectrumcomet.comet.engine.PrivateReceipt;
import org.spectrumcomet.comet.engine.Session;
import org.spectrumcomet.comet.store.CometStore;

/**
 * The engine's behaviour, run once per store implementation (subclasses supply the store).
 */
abstract class EngineBehaviourTest {

    static final String T = "0";
    static final String OTHER = "15";

    final MutableClock clock = new MutableClock(1_700_000_000L);
    LocalCometEngine engine;

    /** A fresh store, or the same durable store reopened when {@code reopen} is true. */
    abstract CometStore openStore(boolean reopen);

    @BeforeEach
    void start() {
        engine = newEngine(false, EngineLimits.DEFAULTS);
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    LocalCometEngine newEngine(boolean reopen, EngineLimits limits) {
        return new LocalCometEngine(new ConfiguredTenants(Map.of(T, "k0", OTHER, "k15")), openStore(reopen),
                limits, clock);
    }

    RecordingConnection connect(String tenant, long user, String... pipes) {
        RecordingConnection c = new RecordingConnection("uuid" + user);
        Session s = engine.attach(tenant, user, c);
        engine.subscribe(s, List.of(pipes));
        return c;
    }

    // ---- pipes ----

    @Test
    void publishReachesSubscribersOfThatPipeOnly() {
        RecordingConnection a = connect(T, 0, "news");
        RecordingConnection b = connect(T, 5, "news", "other");
        RecordingConnection c = connect(T, 6, "other");

        var receipt = engine.publish(T, "news", "ev", "hello", 0, null);

        assertThat(receipt.delivered()).isEqualTo(2);
        assertThat(receipt.messageId()).isEmpty();
        assertThat(a.on("news")).containsExactly(new CometEvent("news", "ev", "hello", 1_700_000_000L, -1, false));
        assertThat(b.dataOn("news")).containsExactly("hello");
        assertThat(c.on("news")).isEmpty();
        assertThat(engine.history(T, "news", 99)).isEmpty();
    }

    @Test
    void publishSkipsTheExceptedSessionAndCarriesWebSender() {
        RecordingConnection a = new RecordingConnection("a");
        Session sa = engine.attach(T, 7, a);
        engine.subscribe(sa, List.of("web_chat"));
        RecordingConnection b = connect(T, 0, "web_chat");

        assertThat(engine.publish(T, "web_chat", "e", "x", 7, sa).delivered()).isEqualTo(1);
        assertThat(a.on("web_chat")).isEmpty();
        assertThat(b.on("web_chat").get(0).userId()).isEqualTo(7);
    }

    @Test
    void historyIsTrimmedToThePipeLength() {
        engine.setHistoryLength(T, "logged", 3);
        for (int i = 1; i <= 5; i++) {
            engine.publish(T, "logged", "e", "m" + i, 0, null);
        }
        assertThat(engine.history(T, "logged", 99)).extracting(PipeMessage::text).containsExactly("m3", "m4", "m5");
        assertThat(engine.history(T, "logged", 2)).extracting(PipeMessage::text).containsExactly("m4", "m5");
        assertThat(engine.historyLength(T, "logged")).hasValue(3);

        engine.setHistoryLength(T, "logged", 1);
        assertThat(engine.history(T, "logged", 99)).extracting(PipeMessage::text).containsExactly("m5");
    }

    @Test
    void trustPipesKeepUpToNinetyNineWithoutSetting() {
        for (int i = 1; i <= 105; i++) {
            engine.publish(T, "trust_log", "e", "m" + i, 0, null);
        }
        List<PipeMessage> history = engine.history(T, "trust_log", 1000);
        assertThat(history).hasSize(99);
        assertThat(history.get(0).text()).isEqualTo("m7");
        assertThat(history.get(98).text()).isEqualTo("m105");
        assertThat(engine.historyLength(T, "trust_log")).isEmpty();
    }

    @Test
    void publishWithoutBlockingOnlyWhereTheEngineKnowsNoHistoryIsKept() {
        RecordingConnection sub = connect(T, 7, "plain", "logged", "trust_x");
        assertThat(engine.publishWithoutBlocking(T, "plain", "e", "unknown yet", 0, null))
                .as("setting not known without the store").isEmpty();
        engine.publish(T, "plain", "e", "first", 0, null);
        assertThat(engine.publishWithoutBlocking(T, "plain", "e", "second", 0, null))
                .hasValueSatisfying(r -> assertThat(r.delivered()).isEqualTo(1));
        assertThat(sub.dataOn("plain")).containsExactly("first", "second");

        engine.publish(T, "trust_x", "e", "kept", 0, null);
        assertThat(engine.publishWithoutBlocking(T, "trust_x", "e", "no", 0, null)).isEmpty();

        // A new setting is seen at once by the next publish (the cached length is replaced).
        engine.setHistoryLength(T, "plain", 3);
        assertThat(engine.publishWithoutBlocking(T, "plain", "e", "no", 0, null)).isEmpty();
        engine.publish(T, "plain", "e", "third", 0, null);
        assertThat(engine.history(T, "plain", 99)).extracting(PipeMessage::text).containsExactly("third");
        engine.deletePipeSettings(T, "plain");
        engine.publish(T, "plain", "e", "fourth", 0, null);
        assertThat(engine.history(T, "plain", 99)).isEmpty();
        assertThat(engine.publishWithoutBlocking(T, "plain", "e", "fifth", 0, null)).isPresent();
        assertThat(sub.dataOn("plain")).containsExactly("first", "second", "third", "fourth", "fifth");
    }

    @Test
    void historyLengthAboveNinetyNineIsRefusedNotClamped() {
        assertThatThrownBy(() -> engine.setHistoryLength(T, "p", 100)).isInstanceOf(IllegalArgumentException.class);
        assertThat(engine.historyLength(T, "p")).isEmpty();
    }

    @Test
    void historyMessagesCanBeDeletedOneByOneOrAll() {
        engine.setHistoryLength(T, "logged", 10);
        String first = engine.publish(T, "logged", "e", "one", 3, null).messageId();
        engine.publish(T, "logged", "e", "two", 0, null);

        assertThat(engine.deleteHistoryMessage(T, "logged", first)).isTrue();
        assertThat(engine.deleteHistoryMessage(T, "logged", first)).isFalse();
        assertThat(engine.history(T, "logged", 99)).extracting(PipeMessage::text).containsExactly("two");
        engine.clearHistory(T, "logged");
        assertThat(engine.history(T, "logged", 99)).isEmpty();
        assertThat(engine.historyLength(T, "logged")).hasValue(10);
        engine.deletePipeSettings(T, "logged");
        assertThat(engine.historyLength(T, "logged")).isEmpty();
    }

    @Test
    void aHistoryMessageCanBeDeletedByItsIdAloneWithinItsTenant() {
        engine.setHistoryLength(T, "logged", 10);
        engine.setHistoryLength(T, "other_log", 10);
        engine.setHistoryLength(OTHER, "logged", 10);
        String mine = engine.publish(T, "other_log", "e", "mine", 0, null).messageId();
        String kept = engine.publish(T, "logged", "e", "kept", 0, null).messageId();
        String foreign = engine.publish(OTHER, "logged", "e", "foreign", 0, null).messageId();

        assertThat(engine.deleteHistoryMessage(T, foreign)).isFalse();
        assertThat(engine.history(OTHER, "logged", 99)).extracting(PipeMessage::text).containsExactly("foreign");
        assertThat(engine.deleteHistoryMessage(T, mine)).isTrue();
        assertThat(engine.deleteHistoryMessage(T, mine)).isFalse();
        assertThat(engine.history(T, "other_log", 99)).isEmpty();
        assertThat(engine.history(T, "logged", 99)).extracting(PipeMessage::id).containsExactly(kept);
    }

    @Test
    void subscriptionReplacesTheWholeSet() {
        RecordingConnection c = new RecordingConnection("u");
        Session s = engine.attach(T, 0, c);
        engine.subscribe(s, List.of("aaa", "bbb"));
        engine.subscribe(s, List.of("bbb", "ccc"));

        assertThat(engine.subscriberCount(T, "aaa")).isZero();
        assertThat(engine.subscriberCount(T, "bbb")).isEqualTo(1);
        assertThat(engine.subscribers(T, "ccc")).extracting(i -> i.uuid()).containsExactly("u");
        engine.detach(s);
        assertThat(engine.subscriberCount(T, "ccc")).isZero();
        engine.subscribe(s, List.of("ddd"));
        assertThat(engine.subscriberCount(T, "ddd")).as("detached session stays out").isZero();
    }

    // ---- private messages and queue ----

    @Test
    void privateMessageGoesLiveToEveryConnectionOfTheUser() {
        RecordingConnection one = connect(T, 7);
        RecordingConnection two = connect(T, 7);
        RecordingConnection other = connect(T, 8);

        assertThat(engine.sendToUser(T, 7, "ev", "hi")).isEqualTo(new PrivateReceipt(2, false));
        CometEvent expected = new CometEvent("msg", "ev", "hi", -1, -1, false);
        assertThat(one.on("msg")).containsExactly(expected);
        assertThat(two.on("msg")).containsExactly(expected);
        assertThat(other.on("msg")).isEmpty();
        assertThat(engine.queue(T, 7)).isEmpty();
    }

    @Test
    void offlineMessagesAreQueuedAndReplayedOnceOldestFirst() {
        assertThat(engine.sendToUser(T, 7, "e1", "first")).isEqualTo(new PrivateReceipt(0, true));
        clock.set(1_700_000_005L);
        engine.sendToUser(T, 7, "e2", "second");
        assertThat(engine.queue(T, 7)).extracting(q -> q.text()).containsExactly("first", "second");

        RecordingConnection c = new RecordingConnection("u");
        Session s = engine.attach(T, 7, c);
        assertThat(c.on("msg")).containsExactly(
                new CometEvent("msg", "e1", "first", 1_700_000_000L, -1, true),
                new CometEvent("msg", "e2", "second", 1_700_000_005L, -1, true));
        assertThat(engine.queue(T, 7)).isEmpty();

        // Same second, reconnect: CppComet would send again; we must not.
        engine.detach(s);
        RecordingConnection again = connect(T, 7);
        assertThat(again.on("msg")).isEmpty();
    }

    @Test
    void refusedDeliveryKeepsTheMessageQueued() {
        RecordingConnection full = new RecordingConnection("full");
        full.accept.set(0);
        engine.attach(T, 7, full);
        assertThat(engine.sendToUser(T, 7, "e", "kept")).isEqualTo(new PrivateReceipt(0, true));
        engine.sendToUser(T, 7, "e", "kept2");

        RecordingConnection partial = new RecordingConnection("p");
        partial.accept.set(1);
        engine.attach(T, 7, partial);
        assertThat(partial.dataOn("msg")).containsExactly("kept");
        assertThat(engine.queue(T, 7)).extracting(q -> q.text()).containsExactly("kept2");

        RecordingConnection good = connect(T, 7);
        assertThat(good.dataOn("msg")).containsExactly("kept2");
        assertThat(engine.queue(T, 7)).isEmpty();
    }

    @Test
    void fullQueueRefusesNewMessages() {
        engine.close();
        engine = newEngine(false, new EngineLimits(2, 32));
        engine.sendToUser(T, 9, "e", "a");
        engine.sendToUser(T, 9, "e", "b");
        assertThat(engine.sendToUser(T, 9, "e", "c")).isEqualTo(new PrivateReceipt(0, false));
        assertThat(engine.queue(T, 9)).extracting(q -> q.text()).containsExactly("a", "b");
        engine.clearQueue(T, 9);
        assertThat(engine.queue(T, 9)).isEmpty();
    }

    @Test
    void privateMessagesReachAtMostSixteenConnections() {
        List<RecordingConnection> devices = new ArrayList<>();
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            RecordingConnection c = new RecordingConnection("d" + i);
            devices.add(c);
            sessions.add(engine.attach(T, 7, c));
        }
        assertThat(engine.sendToUser(T, 7, "e", "x").delivered()).isEqualTo(16);
        assertThat(devices.get(15).on("msg")).hasSize(1);
        assertThat(devices.get(16).on("msg")).isEmpty();

        engine.detach(sessions.get(0));
        assertThat(engine.sendToUser(T, 7, "e", "y").delivered()).isEqualTo(16);
        assertThat(devices.get(16).dataOn("msg")).containsExactly("y");
    }

    @Test
    void queuedMessagesAreDeliveredExactlyOnceUnderConcurrency() throws Exception {
        int messages = 400;
        List<RecordingConnection> all = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<?> flapping = pool.submit(() -> {
                for (int i = 0; i < 150; i++) {
                    RecordingConnection c = new RecordingConnection("f" + i);
                    all.add(c);
                    Session s = engine.attach(T, 7, c);
                    engine.detach(s);
                }
            });
            Future<?> sender = pool.submit(() -> {
                for (int i = 0; i < messages; i++) {
                    engine.sendToUser(T, 7, "e", Integer.toString(i));
                }
            });
            flapping.get(60, TimeUnit.SECONDS);
            sender.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        RecordingConnection last = connect(T, 7);
        all.add(last);
        List<Object> received = all.stream().flatMap(c -> c.dataOn("msg").stream()).toList();
        assertThat(received).hasSize(messages).doesNotHaveDuplicates();
        assertThat(engine.queue(T, 7)).isEmpty();
    }

    // ---- presence ----

    @Test
    void presenceOnlineOnFirstConnectionOfflineOnLast() {
        RecordingConnection watcher = connect(T, 0, "user_status_7");
        assertThat(engine.lastOnline(T, 7)).isEqualTo(-1);

        Session one = engine.attach(T, 7, new RecordingConnection("1"));
        Session two = engine.attach(T, 7, new RecordingConnection("2"));
        assertThat(engine.lastOnline(T, 7)).isZero();
        assertThat(watcher.on("user_status_7"))
                .containsExactly(new CometEvent("user_status_7", "online", "online", -1, -1, false));

        clock.set(1_700_000_100L);
        engine.detach(one);
        assertThat(watcher.on("user_status_7")).hasSize(1);
        engine.detach(two);
        engine.detach(two);
        assertThat(watcher.dataOn("user_status_7")).containsExactly("online", "offline");
        assertThat(engine.lastOnline(T, 7)).isEqualTo(1_700_000_100L);

        engine.attach(T, 0, new RecordingConnection("anon"));
        assertThat(watcher.on("user_status_0")).isEmpty();
    }

    @Test
    void queuedMessagesComeBeforeTheOnlineEvent() {
        engine.sendToUser(T, 7, "e", "queued");
        RecordingConnection self = new RecordingConnection("self");
        Session s = engine.attach(T, 7, self);
        engine.subscribe(s, List.of("user_status_7"));
        assertThat(self.events).extracting(CometEvent::pipe).containsExactly("msg");
    }

    // ---- track_ ----

    @Test
    void trackPipesTellOtherSubscribersWhoJoinsAndLeaves() {
        RecordingConnection a = connect(T, 1, "track_room");
        RecordingConnection b = new RecordingConnection("uuid2");
        Session sb = engine.attach(T, 2, b);
        engine.subscribe(sb, List.of("track_room"));

        assertThat(a.on("track_room")).containsExactly(new CometEvent("track_room", "subscription",
                Map.of("user_id", 2L, "uuid", "uuid2"), 1_700_000_000L, -1, false));
        assertThat(b.on("track_room")).as("no echo of one's own join").isEmpty();

        engine.subscribe(sb, List.of("other"));
        assertThat(a.on("track_room")).extracting(CometEvent::event).containsExactly("subscription", "unsubscription");

        RecordingConnection c = new RecordingConnection("uuid3");
        Session sc = engine.attach(T, 0, c);
        engine.subscribe(sc, List.of("track_room"));
        engine.detach(sc);
        assertThat(a.on("track_room")).extracting(e -> ((Map<?, ?>) e.data()).get("user_id"), CometEvent::event)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "subscription"),
                        org.assertj.core.groups.Tuple.tuple(2L, "unsubscription"),
                        org.assertj.core.groups.Tuple.tuple(0L, "subscription"),
                        org.assertj.core.groups.Tuple.tuple(0L, "unsubscription"));
        assertThat(b.on("track_room")).isEmpty();
    }

    @Test
    void plainPipesHaveNoMembershipEvents() {
        RecordingConnection a = connect(T, 1, "room");
        connect(T, 2, "room");
        assertThat(a.events).isEmpty();
    }

    // ---- keys ----

    @Test
    void deletingAUserKeyClosesThatUsersConnections() {
        engine.setUserKey(T, 7, "secret");
        assertThat(engine.userKey(T, 7)).contains("secret");
        RecordingConnection watcher = connect(T, 0, "user_status_7", "room");
        RecordingConnection one = connect(T, 7, "room");
        RecordingConnection two = connect(T, 7);
        RecordingConnection bystander = connect(T, 8, "room");

        engine.deleteUserKey(T, 7);

        assertThat(engine.userKey(T, 7)).isEmpty();
        assertThat(one.closed).isTrue();
        assertThat(two.closed).isTrue();
        assertThat(bystander.closed).isFalse();
        assertThat(engine.subscriberCount(T, "room")).isEqualTo(2);
        assertThat(watcher.dataOn("user_status_7")).containsExactly("online", "offline");
        assertThat(engine.sendToUser(T, 7, "e", "x").queued()).isTrue();
    }

    // ---- tenants ----

    @Test
    void tenantsNeverSeeEachOther() {
        RecordingConnection t0 = connect(T, 7, "news", "user_status_7");
        RecordingConnection t15 = connect(OTHER, 7, "news", "user_status_7");
        engine.setUserKey(T, 7, "a");
        engine.setHistoryLength(T, "news", 5);

        engine.publish(OTHER, "news", "e", "for 15", 0, null);
        engine.sendToUser(OTHER, 7, "e", "private 15");
        engine.sendToUser(OTHER, 8, "e", "queued 15");

        assertThat(t0.events).isEmpty();
        assertThat(t15.dataOn("news")).containsExactly("for 15");
        assertThat(t15.dataOn("msg")).containsExactly("private 15");
        assertThat(engine.history(T, "news", 99)).isEmpty();
        assertThat(engine.history(OTHER, "news", 99)).isEmpty();
        assertThat(engine.historyLength(OTHER, "news")).isEmpty();
        assertThat(engine.userKey(OTHER, 7)).isEmpty();
        assertThat(engine.queue(T, 8)).isEmpty();
        assertThat(engine.queue(OTHER, 8)).hasSize(1);
        assertThat(engine.subscriberCount(T, "news")).isEqualTo(1);
        engine.deleteUserKey(OTHER, 7);
        assertThat(t0.closed).isFalse();
        assertThat(t15.closed).isTrue();
    }
}

package org.spectrumcomet.bridge.comet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** WebSocket + CometQL behaviour every comet server must show; subclasses pick the server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CometSocketContract extends CometSocketRig {

    static final String[] HOSTILE = {
        "it's \"quoted\"", "back\\slash \\' \\\\ \\n \\u0027", "emoji 😀🇫🇷 and é ü ß 中文", "<b>&amp;</b> < & >",
        "new\nline\r\ttab", "nul \0 inside", "'); DELETE FROM users_auth WHERE id IN (1); --", "*/ ; /* --", "",
        "{\"text\":\"json inside\"}", "\uD800 lone",
    };

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

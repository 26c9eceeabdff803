package org.spectrumcomet.comet.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.spectrumcomet.comet.cluster.TwoNodeClusterTest.rows;
import static org.spectrumcomet.comet.cluster.TwoNodeClusterTest.update;
import static org.spectrumcomet.comet.cluster.TwoNodeClusterTest.waitFor;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrumcomet.comet.ServerProcess;
import org.spectrumcomet.comet.auth.HmacUserKey;
import org.spectrumcomet.comet.auth.JwtUserKey;
import org.spectrumcomet.comet.engine.redis.RedisServer;
import org.spectrumcomet.comet.ws.FrameClient;

/**
 * Faults with real processes: a node killed with -9 (its users' presence ends within the
 * presence timeout, 3 s here; the other node keeps serving) and Redis killed and restarted
 * (WebSocket clients get a {@code sys} error frame, CometQL writes answer ERR 500 "Store
 * unreachable", never OK; the nodes recover by themselves).
 */
class NodeFailureTest {

    private static final String KEY = "keyone";
    private static final long PRESENCE_TIMEOUT_SECONDS = 3;

    @TempDir
    Path dir;
    private RedisServer redis;
    private ServerProcess a;
    private ServerProcess b;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<AutoCloseable> clients = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        RedisServer.assumeInstalled();
        redis = RedisServer.start(dir.resolve("redis"));
        a = node("a");
        b = node("b");
    }

    private ServerProcess node(String name) throws Exception {
        Path logs = Files.createDirectories(dir.resolve(name));
        Path ini = logs.resolve("comet.ini");
        Files.writeString(ini, "[redis]\naddress = " + redis.address() + "\npresence_timeout = "
                + PRESENCE_TIMEOUT_SECONDS + "\ncommand_timeout = 1\n");
        return ServerProcess.launch(logs, "--config", ini.toString(), "--cometql", "127.0.0.1:0", "--ws",
                "127.0.0.1:0", "--tenant", "1:" + KEY);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : clients) {
            c.close();
        }
        for (AutoCloseable c : new AutoCloseable[] {a, b, redis}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    void aKilledNodesUsersGoOfflineWithinThePresenceTimeoutAndTheOtherNodeKeepsServing() throws Exception {
        Connection onB = track(TwoNodeClusterTest.cometql(b, "1", KEY));
        cppComet(a, 30);
        waitFor(() -> rows(onB, "SELECT time FROM users_time WHERE id = 30").equals(List.of(List.of("0"))));
        FrameClient listener = cppComet(b, 31);
        listener.send("subscription\nafter_kill\nuser_status_30");
        waitFor(() -> rows(onB, "SELECT users FROM pipes WHERE name = 'after_kill'").equals(List.of(List.of("1"))));

        long killed = System.nanoTime();
        a.kill();
        waitFor(() -> !rows(onB, "SELECT time FROM users_time WHERE id = 30").equals(List.of(List.of("0"))));
        double seconds = (System.nanoTime() - killed) / 1e9;
        assertThat(seconds).as("users_time: offline within the presence timeout (+1 s of polling)")
                .isLessThan(PRESENCE_TIMEOUT_SECONDS + 1);
        assertThat(Long.parseLong(rows(onB, "SELECT time FROM users_time WHERE id = 30").get(0).get(0))).isPositive();
        assertThat(listener.until(f -> "user_status_30".equals(f.path("pipe").asText())).path("event").asText())
                .isEqualTo("offline");
        seconds = (System.nanoTime() - killed) / 1e9;
        assertThat(seconds).as("the offline event: within 4/3 of the presence timeout (+1 s)")
                .isLessThan(PRESENCE_TIMEOUT_SECONDS * 4 / 3.0 + 1);
        assertThat(rows(onB, "SELECT users FROM pipes WHERE name = 'after_kill'")).as("the dead node's subscriber")
                .containsExactly(List.of("1"));

        update(onB, "INSERT INTO pipes_messages (name, event, message) VALUES ('after_kill', 'e', 'still here')");
        assertThat(listener.until(f -> "after_kill".equals(f.path("pipe").asText())).path("data").asText())
                .isEqualTo("still here");
        update(onB, "INSERT INTO users_messages (id, event, message) VALUES (30, 'e', 'for later')");
        assertThat(rows(onB, "SELECT message FROM users_messages WHERE id = 30")).containsExactly(List.of("for later"));
    }

    @Test
    void whileRedisIsDownWritesFailAndTheNodesRecoverWhenItReturns() throws Exception {
        Connection onA = track(TwoNodeClusterTest.cometql(a, "1", KEY));
        FrameClient listener = cppComet(b, 32);
        listener.send("subscription\nrecover");
        waitFor(() -> rows(onA, "SELECT users FROM pipes WHERE name = 'recover'").equals(List.of(List.of("1"))));

        int port = redis.port();
        redis.kill();
        JsonNode told = listener.until(f -> "sys".equals(f.path("pipe").asText()));
        assertThat(told.path("event").asText()).isEqualTo("error");
        assertThat(told.path("data").path("error").asText()).contains("Redis is unreachable");
        assertThatThrownBy(() -> update(onA,
                "INSERT INTO pipes_messages (name, event, message) VALUES ('recover', 'e', 'lost?')"))
                .isInstanceOf(SQLException.class).hasMessageContaining("Store unreachable")
                .extracting(e -> ((SQLException) e).getErrorCode()).isEqualTo(500);
        // A WebSocket opened meanwhile gets no half session: a fatal sys error, then a close with the reason.
        FrameClient late = FrameClient.open(http, "ws://127.0.0.1:" + b.wsPort() + "/ws/sesion="
                + HmacUserKey.of(KEY, 33) + "&myid=33&devid=1&v=4.09&uuid=" + "%032x".formatted(33) + "&api=js");
        clients.add(late);
        JsonNode refused = late.until(f -> "error".equals(f.path("event").asText()));
        assertThat(refused.path("data").path("code").asText()).isEqualTo("503");
        assertThat(refused.path("data").path("error").asText()).contains("Store unreachable");
        assertThat(late.closeCode()).isEqualTo("1013 store unreachable");
        FrameClient apiSocket = FrameClient.open(http.newWebSocketBuilder().header("X-Comet-Tenant", "1"),
                "ws://127.0.0.1:" + b.httpPort() + "/comet/Comet/Subscribe");
        clients.add(apiSocket);
        apiSocket.send("{\"t\":1,\"auth\":{\"token\":\"" + JwtUserKey.issue(KEY, 34, Instant.now().plusSeconds(60))
                + "\"}}");
        assertThat(apiSocket.closeCode()).as("JSON-API WebSocket").isEqualTo("1013 store unreachable");
        // The JSON API answers 503 (retry later), not 500.
        HttpResponse<String> api = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + a.httpPort() + "/comet/Comet/Broadcast"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + KEY)
                .header("X-Comet-Tenant", "1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"rid\":\"recover\",\"evt\":\"lost?\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).as(api.body()).isEqualTo(503);
        assertThat(api.body()).contains("Store unreachable");
        redis = RedisServer.start(dir.resolve("redis"), port, false);

        // Lettuce reconnects both connections and subscribes the channel again by itself. Until node
        // b's pub/sub connection is back, what a publishes does not reach b (as for any disconnected client).
        long restarted = System.nanoTime();
        waitFor(() -> {
            try {
                update(onA, "INSERT INTO pipes_messages (name, event, message) VALUES ('recover', 'e', 'probe')");
            } catch (SQLException e) {
                return false;
            }
            String text = listener.frames.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            return text != null && text.contains("probe");
        });
        assertThat((System.nanoTime() - restarted) / 1e9).as("seconds until the nodes work again").isLessThan(5);
        update(onA, "INSERT INTO pipes_messages (name, event, message) VALUES ('recover', 'e', 'back')");
        assertThat(listener.until(f -> f.path("data").asText().equals("back")).path("pipe").asText()).isEqualTo("recover");
        // Redis came back empty: node b finds its liveness lapsed and says again who is there.
        waitFor(() -> rows(onA, "SELECT time FROM users_time WHERE id = 32").equals(List.of(List.of("0"))));
        waitFor(() -> rows(onA, "SELECT users FROM pipes WHERE name = 'recover'").equals(List.of(List.of("1"))));
        update(onA, "INSERT INTO users_messages (id, event, message) VALUES (32, 'e', 'live again')");
        assertThat(listener.until(f -> "msg".equals(f.path("pipe").asText())).path("data").asText())
                .isEqualTo("live again");
    }

    private Connection track(Connection c) {
        clients.add(c);
        return c;
    }

    private FrameClient cppComet(ServerProcess node, long userId) throws Exception {
        FrameClient client = FrameClient.open(http, "ws://127.0.0.1:" + node.wsPort() + "/ws/sesion="
                + HmacUserKey.of(KEY, userId) + "&myid=" + userId + "&devid=1&v=4.09&uuid="
                + "%032x".formatted(userId) + "&api=js");
        clients.add(client);
        JsonNode info = client.next();
        assertThat(info.path("authorized").asBoolean()).isTrue();
        return client;
    }
}

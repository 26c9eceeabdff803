package org.spectrumcomet.comet.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.spectrumcomet.comet.ServerProcess;
import org.spectrumcomet.comet.auth.HmacUserKey;
import org.spectrumcomet.comet.auth.JwtUserKey;
import org.spectrumcomet.comet.engine.redis.RedisServer;
import org.spectrumcomet.comet.ws.FrameClient;

/**
 * Two {@code comet-server} processes on one {@code redis-server}: node A started with
 * {@code --redis}, node B with a comet.ini {@code [redis]} section. What a client does on one node
 * is seen by clients of the other, once, in order; tenants stay apart across nodes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodeClusterTest {

    private static final String KEY1 = "keyone";
    private static final String KEY2 = "keytwo";
    private static final Duration QUIET = Duration.ofMillis(300);

    @TempDir
    static Path dir;
    private RedisServer redis;
    private ServerProcess a;
    private ServerProcess b;
    private Connection a1;
    private Connection b1;
    private Connection a2;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<AutoCloseable> clients = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        RedisServer.assumeInstalled();
        redis = RedisServer.start(dir.resolve("redis"));
        a = node("a", "--redis", redis.address());
        Path ini = dir.resolve("b.ini");
        Files.writeString(ini, "[redis]\naddress = " + redis.address() + "\npresence_timeout = 3\n");
        b = node("b", "--config", ini.toString());
        a1 = cometql(a, "1", KEY1);
        b1 = cometql(b, "1", KEY1);
        a2 = cometql(a, "2", KEY2);
    }

    private static ServerProcess node(String name, String... redisArgs) throws Exception {
        Path logs = Files.createDirectories(dir.resolve(name));
        List<String> args = new ArrayList<>(List.of("--cometql", "127.0.0.1:0", "--ws", "127.0.0.1:0",
                "--tenant", "1:" + KEY1, "--tenant", "2:" + KEY2));
        args.addAll(List.of(redisArgs));
        ServerProcess node = ServerProcess.launch(logs, args.toArray(String[]::new));
        assertThat(node.readyLine()).contains(" data=" + "redis://127.0.0.1:");
        return node;
    }

    @AfterEach
    void closeClients() throws Exception {
        for (AutoCloseable c : clients) {
            c.close();
        }
        clients.clear();
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {a1, b1, a2, a, b, redis}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    void anInsertOnOneNodeReachesASubscriberOnTheOtherOnceAndInOrder() throws Exception {
        FrameClient onB = cppComet(b, 1, 20, KEY1);
        onB.send("subscription\nroom_ab");
        waitFor(() -> rows(a1, "SELECT users FROM pipes WHERE name = 'room_ab'").equals(List.of(List.of("1"))));
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            sent.add("m" + i);
            update(a1, "INSERT INTO pipes_messages (name, event, message) VALUES ('room_ab', 'e', 'm" + i + "')");
        }
        List<String> got = new ArrayList<>();
        while (got.size() < sent.size()) {
            JsonNode f = onB.until(n -> "room_ab".equals(n.path("pipe").asText()));
            got.add(f.path("data").asText());
        }
        assertThat(got).containsExactlyElementsOf(sent);
        onB.expectSilence(QUIET);
    }

    @Test
    void aUserOnOneNodeChatsWithAUserOnTheOther() throws Exception {
        FrameClient alice = cppComet(a, 1, 25, KEY1);
        FrameClient bob = cppComet(b, 1, 26, KEY1);
        alice.send("subscription\nweb_chat_ab");
        bob.send("subscription\nweb_chat_ab");
        waitFor(() -> rows(a1, "SELECT users FROM pipes WHERE name = 'web_chat_ab'").equals(List.of(List.of("2"))));
        alice.send("web_pipe2\nweb_chat_ab\nchat\n*\nhello bob");
        JsonNode toBob = bob.until(f -> "web_chat_ab".equals(f.path("pipe").asText()));
        assertThat(toBob.path("data").asText()).isEqualTo("hello bob");
        assertThat(toBob.path("user_id").asLong()).isEqualTo(25);
        bob.send("web_pipe2\nweb_chat_ab\nchat\n*\nhi alice");
        assertThat(alice.until(f -> "web_chat_ab".equals(f.path("pipe").asText())).path("data").asText())
                .as("alice's own message is not echoed to her; bob's is the first she gets").isEqualTo("hi alice");
        Thread.sleep(QUIET.toMillis());
        assertThat(chat(alice)).as("alice's frames on the pipe").containsExactly("hi alice");
        assertThat(chat(bob)).as("bob's frames on the pipe").containsExactly("hello bob");
    }

    private static List<String> chat(FrameClient client) throws Exception {
        List<String> texts = new ArrayList<>();
        for (String frame : client.all) {
            JsonNode f = new com.fasterxml.jackson.databind.ObjectMapper().readTree(frame);
            if ("web_chat_ab".equals(f.path("pipe").asText())) {
                texts.add(f.path("data").asText());
            }
        }
        return texts;
    }

    @Test
    void aPageOnOneNodeAsksForThePresenceOfAUserOnTheOther() throws Exception {
        FrameClient page = cppComet(b, 1, 27, KEY1);
        cppComet(a, 1, 28, KEY1);
        // serverInfo comes before the attach: wait for it
        waitFor(() -> rows(a1, "SELECT time FROM users_time WHERE id = 28").equals(List.of(List.of("0"))));
        page.send("user_status\n28");
        JsonNode status = page.until(f -> "_answer_user_status".equals(f.path("pipe").asText()));
        long now = System.currentTimeMillis() / 1000;
        assertThat(status.path("data").path("last_online_time").asLong()).as("online: now - 0").isBetween(now - 5, now + 5);
    }

    @Test
    void aJsonApiBroadcastOnOneNodeReachesJsonApiSubscribersOnTheOther() throws Exception {
        FrameClient subscriber = FrameClient.open(http.newWebSocketBuilder().header("X-Comet-Tenant", "1"),
                "ws://127.0.0.1:" + b.httpPort() + "/comet/Comet/Subscribe");
        clients.add(subscriber);
        String token = JwtUserKey.issue(KEY1, 29, Instant.now().plusSeconds(60));
        subscriber.send("{\"t\":1,\"auth\":{\"token\":\"" + token + "\"},\"join\":{\"rid\":\"api_room\"}}");
        assertThat(subscriber.next().toString()).isEqualTo("{\"t\":1,\"auth\":{\"uid\":29}}");
        assertThat(subscriber.next().toString()).isEqualTo("{\"t\":2,\"join\":{\"rid\":\"api_room\"}}");
        waitFor(() -> rows(a1, "SELECT users FROM pipes WHERE name = 'api_room'").equals(List.of(List.of("1"))));
        HttpResponse<String> sent = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + a.httpPort() + "/comet/Comet/Broadcast"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + KEY1)
                .header("X-Comet-Tenant", "1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"rid\":\"api_room\",\"evt\":\"from node a\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        assertThat(subscriber.until(f -> f.toString().contains("from node a"))).isNotNull();
        subscriber.expectSilence(QUIET);
    }

    @Test
    void historyWrittenThroughOneNodeIsReadThroughTheOther() throws Exception {
        update(a1, "INSERT INTO pipes_settings (name, length) VALUES ('hist_ab', 2)");
        for (String m : List.of("h1", "h2", "h3")) {
            update(b1, "INSERT INTO pipes_messages (name, event, message) VALUES ('hist_ab', 'e', '" + m + "')");
        }
        assertThat(rows(a1, "SELECT message FROM pipes_messages WHERE name = 'hist_ab'"))
                .containsExactly(List.of("h2"), List.of("h3"));
        assertThat(rows(b1, "SELECT length FROM pipes_settings WHERE name = 'hist_ab'")).containsExactly(List.of("2"));
    }

    @Test
    void presenceOfAUserOnOneNodeIsSeenFromTheOther() throws Exception {
        FrameClient watcher = cppComet(b, 1, 21, KEY1);
        watcher.send("subscription\nuser_status_22");
        waitFor(() -> rows(b1, "SELECT users FROM pipes WHERE name = 'user_status_22'").equals(List.of(List.of("1"))));
        assertThat(rows(b1, "SELECT time FROM users_time WHERE id = 22")).containsExactly(List.of("-1"));
        FrameClient user = cppComet(a, 1, 22, KEY1);
        assertThat(watcher.until(f -> "user_status_22".equals(f.path("pipe").asText())).path("event").asText())
                .isEqualTo("online");
        assertThat(rows(b1, "SELECT time FROM users_time WHERE id = 22")).containsExactly(List.of("0"));
        user.close();
        assertThat(watcher.until(f -> "user_status_22".equals(f.path("pipe").asText())).path("event").asText())
                .isEqualTo("offline");
        assertThat(Long.parseLong(rows(b1, "SELECT time FROM users_time WHERE id = 22").get(0).get(0))).isPositive();
    }

    @Test
    void aPrivateMessageQueuedOnOneNodeIsDeliveredOnceOnTheOther() throws Exception {
        update(a1, "INSERT INTO users_messages (id, event, message) VALUES (23, 'e', 'while away')");
        assertThat(rows(b1, "SELECT message FROM users_messages WHERE id = 23")).containsExactly(List.of("while away"));
        FrameClient onB = cppComet(b, 1, 23, KEY1);
        assertThat(onB.until(f -> "msg".equals(f.path("pipe").asText())).path("data").asText()).isEqualTo("while away");
        FrameClient onA = cppComet(a, 1, 23, KEY1);
        onA.expectSilence(QUIET);
        onB.expectSilence(Duration.ZERO);
        assertThat(rows(a1, "SELECT * FROM users_messages WHERE id = 23")).isEmpty();

        update(a1, "INSERT INTO users_messages (id, event, message) VALUES (23, 'e', 'live')");
        assertThat(onA.until(f -> "msg".equals(f.path("pipe").asText())).path("data").asText()).isEqualTo("live");
        assertThat(onB.until(f -> "msg".equals(f.path("pipe").asText())).path("data").asText()).isEqualTo("live");
        onB.expectSilence(QUIET);
    }

    @Test
    void tenantsStayApartAcrossNodes() throws Exception {
        FrameClient tenantOne = cppComet(b, 1, 24, KEY1);
        tenantOne.send("subscription\niso_ab");
        waitFor(() -> rows(b1, "SELECT users FROM pipes WHERE name = 'iso_ab'").equals(List.of(List.of("1"))));
        assertThat(rows(a2, "SELECT users FROM pipes WHERE name = 'iso_ab'")).containsExactly(List.of("0"));
        update(a2, "INSERT INTO pipes_messages (name, event, message) VALUES ('iso_ab', 'e', 'tenant two')");
        update(a2, "INSERT INTO users_messages (id, event, message) VALUES (24, 'e', 'tenant two private')");
        update(a2, "INSERT INTO users_auth (id, hash) VALUES (24, 'twoKey24')");
        tenantOne.expectSilence(QUIET);
        assertThat(rows(b1, "SELECT * FROM users_auth WHERE id = 24")).isEmpty();
        assertThat(rows(b1, "SELECT * FROM users_messages WHERE id = 24")).isEmpty();
        assertThat(rows(a2, "SELECT message FROM users_messages WHERE id = 24"))
                .containsExactly(List.of("tenant two private"));
    }

    private FrameClient cppComet(ServerProcess node, int devId, long userId, String tenantKey) throws Exception {
        FrameClient client = FrameClient.open(http, "ws://127.0.0.1:" + node.wsPort() + "/ws/sesion="
                + HmacUserKey.of(tenantKey, userId) + "&myid=" + userId + "&devid=" + devId + "&v=4.09&uuid="
                + "%032x".formatted(devId * 1000 + userId) + "&api=js");
        clients.add(client);
        JsonNode info = client.next();
        assertThat(info.path("event").asText()).isEqualTo("serverInfo");
        assertThat(info.path("authorized").asBoolean()).isTrue();
        return client;
    }

    /**
     * MariaDB Connector/J with a 20 s socket timeout: the machine running several JVMs (two nodes,
     * Redis, the tests, other builds) may stall a node's answer for seconds.
     */
    static Connection cometql(ServerProcess node, String user, String key) throws SQLException {
        return java.sql.DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + node.cometqlPort()
                + "/CometQL_v1?connectTimeout=10000&socketTimeout=20000", user, key);
    }

    static void update(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.executeUpdate(sql);
        }
    }

    static List<List<String>> rows(Connection c, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @FunctionalInterface
    interface Condition {
        boolean holds() throws Exception;
    }

    static void waitFor(Condition condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(10);
        }
    }
}

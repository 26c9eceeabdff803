package org.spectrumcomet.comet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.spectrumcomet.comet.auth.HmacUserKey;
import org.spectrumcomet.comet.auth.JwtUserKey;
import org.spectrumcomet.comet.ws.FrameClient;

/**
 * Two tenants ({@code --tenant 1:keyone --tenant 2:keytwo}) using the same pipe names and user ids
 * on one server process never see or touch each other, through every protocol: CometQL (every
 * table), the CppComet WebSocket ({@code devid=}) and the JSON API ({@code X-Comet-Tenant}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY1 = "keyone";
    private static final String KEY2 = "keytwo";
    /** Every test uses its own pipe/user names; within a test both tenants use the same ones. */
    private static final Duration QUIET = Duration.ofMillis(300);

    @TempDir
    static Path dir;
    private ServerProcess server;
    private Connection one;
    private Connection two;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<AutoCloseable> clients = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        server = ServerProcess.launch(dir, "--in-memory", "--cometql", "127.0.0.1:0", "--ws", "127.0.0.1:0",
                "--tenant", "1:" + KEY1, "--tenant", "2:" + KEY2);
        one = server.cometql("1", KEY1);
        two = server.cometql("2", KEY2);
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
        for (Connection c : new Connection[] {one, two}) {
            if (c != null) {
                c.close();
            }
        }
        if (server != null) {
            server.close();
        }
    }

    // ---- CometQL ------------------------------------------------------------------------

    @Test
    void aTenantLogsInOnlyWithItsOwnKeyAndDatabase() throws Exception {
        assertThat(loginError("1", KEY2)).isEqualTo(16);
        assertThat(loginError("2", KEY1)).isEqualTo(16);
        assertThat(loginError("root", KEY1)).as("tenant 0 is not configured").isEqualTo(16);
        try (Statement st = one.createStatement()) {
            assertThat(errorCode(() -> st.execute("USE db_2"))).as("USE of another tenant's database").isEqualTo(15);
            st.execute("USE db_1");
        }
    }

    private int loginError(String user, String key) {
        return errorCode(() -> server.cometql(user, key).close());
    }

    @FunctionalInterface
    private interface SqlCall {
        void run() throws SQLException;
    }

    private static int errorCode(SqlCall call) {
        try {
            call.run();
        } catch (SQLException e) {
            return e.getErrorCode();
        }
        throw new AssertionError("no error");
    }

    @Test
    void pipeHistoryAndSettingsAreOnlyTheTenantsOwn() throws Exception {
        update(one, "INSERT INTO pipes_settings (name, length) VALUES ('iso_hist', 10)");
        update(one, "INSERT INTO pipes_messages (name, event, message) VALUES ('iso_hist', 'e', 'one-1')");
        update(one, "INSERT INTO pipes_messages (name, event, message) VALUES ('iso_hist', 'e', 'one-2')");
        String firstId = rows(one, "SELECT id FROM pipes_messages WHERE name = 'iso_hist'").get(0).get(0);

        assertThat(rows(two, "SELECT * FROM pipes_messages WHERE name = 'iso_hist'")).isEmpty();
        assertThat(rows(two, "SELECT * FROM pipes_settings WHERE name = 'iso_hist'")).isEmpty();
        // tenant 2 writes to the same pipe name: it has no history setting there, so nothing is kept
        update(two, "INSERT INTO pipes_messages (name, event, message) VALUES ('iso_hist', 'e', 'two-1')");
        update(two, "DELETE FROM pipes_messages WHERE id = '" + firstId + "'");
        update(two, "DELETE FROM pipes_messages WHERE name = 'iso_hist' AND id = '" + firstId + "'");
        update(two, "DELETE FROM pipes_messages WHERE name = 'iso_hist'");
        update(two, "DELETE FROM pipes_settings WHERE name = 'iso_hist'");
        update(two, "INSERT INTO pipes_settings (name, length) VALUES ('iso_hist', 1)");

        assertThat(rows(one, "SELECT message FROM pipes_messages WHERE name = 'iso_hist'"))
                .containsExactly(List.of("one-1"), List.of("one-2"));
        assertThat(rows(one, "SELECT length FROM pipes_settings WHERE name = 'iso_hist'")).containsExactly(List.of("10"));
        assertThat(rows(two, "SELECT length FROM pipes_settings WHERE name = 'iso_hist'")).containsExactly(List.of("1"));
        assertThat(rows(two, "SELECT * FROM pipes_messages WHERE name = 'iso_hist'")).isEmpty();
    }

    @Test
    void userKeysAreOnlyTheTenantsOwn() throws Exception {
        update(one, "INSERT INTO users_auth (id, hash) VALUES (31, 'oneKey31')");
        assertThat(rows(two, "SELECT * FROM users_auth WHERE id = 31")).isEmpty();
        FrameClient user31 = cppComet(1, 31, "oneKey31", true);

        update(two, "INSERT INTO users_auth (id, hash) VALUES (31, 'twoKey31')");
        update(two, "DELETE FROM users_auth WHERE id = 31"); // closes tenant 2's user 31 only
        assertThat(rows(one, "SELECT hash FROM users_auth WHERE id = 31")).containsExactly(List.of("oneKey31"));
        assertThat(user31.closed).as("tenant 1's connection of user 31 stays open").isNotDone();
        update(one, "INSERT INTO users_messages (id, event, message) VALUES (31, 'e', 'still here')");
        assertThat(user31.until(f -> "msg".equals(f.path("pipe").asText())).path("data").asText()).isEqualTo("still here");
    }

    @Test
    void offlineQueuesAreOnlyTheTenantsOwn() throws Exception {
        update(one, "INSERT INTO users_messages (id, event, message) VALUES (32, 'e', 'for one/32')");
        assertThat(rows(two, "SELECT * FROM users_messages WHERE id = 32")).isEmpty();
        update(two, "DELETE FROM users_messages WHERE id = 32");
        assertThat(rows(one, "SELECT message FROM users_messages WHERE id = 32")).containsExactly(List.of("for one/32"));

        // tenant 2's user 32 connecting does not drain tenant 1's queue
        FrameClient two32 = cppComet(2, 32, HmacUserKey.of(KEY2, 32), true);
        two32.expectSilence(QUIET);
        assertThat(rows(one, "SELECT message FROM users_messages WHERE id = 32")).containsExactly(List.of("for one/32"));
        FrameClient one32 = cppComet(1, 32, HmacUserKey.of(KEY1, 32), true);
        assertThat(one32.next().path("data").asText()).isEqualTo("for one/32");
    }

    @Test
    void presenceIsOnlyTheTenantsOwn() throws Exception {
        assertThat(rows(one, "SELECT time FROM users_time WHERE id = 33")).containsExactly(List.of("-1"));
        cppComet(1, 33, HmacUserKey.of(KEY1, 33), true);
        assertThat(rows(one, "SELECT time FROM users_time WHERE id = 33")).containsExactly(List.of("0"));
        assertThat(rows(two, "SELECT time FROM users_time WHERE id = 33")).containsExactly(List.of("-1"));
    }

    @Test
    void subscriberCountsAndListsAreOnlyTheTenantsOwn() throws Exception {
        FrameClient watcher = cppComet(1, 34, HmacUserKey.of(KEY1, 34), true);
        watcher.send("subscription\niso_count\nweb_iso_count");
        waitFor(() -> rows(one, "SELECT users FROM pipes WHERE name = 'iso_count'").equals(List.of(List.of("1"))));
        assertThat(rows(two, "SELECT users FROM pipes WHERE name = 'iso_count'")).containsExactly(List.of("0"));
        assertThat(rows(two, "SELECT * FROM users_in_pipes WHERE name = 'iso_count'")).isEmpty();
        assertThat(rows(one, "SELECT user_id FROM users_in_pipes WHERE name = 'iso_count'")).containsExactly(List.of("34"));

        FrameClient other = cppComet(2, 34, HmacUserKey.of(KEY2, 34), true);
        other.send("pipe_count\nweb_iso_count\nm1");
        JsonNode count = other.until(f -> "_answer_pipe_count".equals(f.path("pipe").asText()));
        assertThat(count.path("data").toString()).isEqualTo("[\"user_in_pipe\",0]");
    }

    // ---- CppComet WebSocket -------------------------------------------------------------

    @Test
    void aTenantsWebSocketNeverReceivesAnotherTenantsPublishes() throws Exception {
        FrameClient listener = cppComet(1, 40, HmacUserKey.of(KEY1, 40), true);
        listener.send("subscription\niso_room\nweb_iso_room");
        FrameClient sender = cppComet(2, 40, HmacUserKey.of(KEY2, 40), true);
        sender.send("subscription\nweb_iso_room");
        FrameClient jsonApi2 = jsonApi("2", KEY2, 40, "iso_room");
        waitFor(() -> rows(one, "SELECT users FROM pipes WHERE name = 'iso_room'").equals(List.of(List.of("1"))));
        waitFor(() -> rows(two, "SELECT users FROM pipes WHERE name = 'web_iso_room'").equals(List.of(List.of("1"))));

        // tenant 2 publishes on the same pipes and to the same user id, through every protocol
        update(two, "INSERT INTO pipes_messages (name, event, message) VALUES ('iso_room', 'e', 'two-cometql-pipe')");
        update(two, "INSERT INTO users_messages (id, event, message) VALUES (40, 'e', 'two-cometql-private')");
        sender.send("web_pipe2\nweb_iso_room\ne\n*\ntwo-browser");
        assertThat(post("Publish", "2", KEY2, "{\"uid\":40,\"evt\":\"two-api-private\"}").statusCode()).isEqualTo(200);
        assertThat(post("Broadcast", "2", KEY2, "{\"rid\":\"iso_room\",\"evt\":\"two-api-room\"}").statusCode())
                .isEqualTo(200);
        assertThat(post("Broadcast", "2", KEY2, "{\"rid\":\"\",\"evt\":\"two-api-world\"}").statusCode()).isEqualTo(200);
        // tenant 2's own subscriber got them: the publishes happened
        assertThat(jsonApi2.until(f -> f.toString().contains("two-cometql-pipe"))).isNotNull();
        assertThat(sender.until(f -> f.toString().contains("two-cometql-private"))).isNotNull();

        // then tenant 1 publishes a marker: everything tenant 1's listener got before it is tenant 1's
        update(one, "INSERT INTO pipes_messages (name, event, message) VALUES ('iso_room', 'e', 'one-marker')");
        listener.until(f -> "one-marker".equals(f.path("data").asText()));
        listener.expectSilence(QUIET);
        assertThat(String.join("\n", listener.all)).doesNotContain("two-");
    }

    @Test
    void userKeysOfOneTenantDoNotAuthoriseOnAnother() throws Exception {
        update(one, "INSERT INTO users_auth (id, hash) VALUES (41, 'oneKey41')");
        cppComet(2, 41, "oneKey41", false);
        cppComet(2, 41, HmacUserKey.of(KEY1, 41), false);
        cppComet(2, 41, JwtUserKey.issue(KEY1, 41, Instant.now().plusSeconds(60)), false);
        // and each works on its own tenant
        cppComet(1, 41, "oneKey41", true);
        cppComet(1, 41, HmacUserKey.of(KEY1, 41), true);
        cppComet(1, 41, JwtUserKey.issue(KEY1, 41, Instant.now().plusSeconds(60)), true);
        cppComet(2, 41, HmacUserKey.of(KEY2, 41), true);
    }

    // ---- JSON API -----------------------------------------------------------------------

    @Test
    void theJsonApiActsOnlyOnTheTenantWhoseKeyItPresents() throws Exception {
        FrameClient victim = cppComet(2, 50, HmacUserKey.of(KEY2, 50), true);
        victim.send("subscription\niso_api");
        for (String call : List.of("Publish", "Broadcast", "DumpSession")) {
            String body = call.equals("Publish") ? "{\"uid\":50,\"evt\":\"x\"}"
                    : call.equals("Broadcast") ? "{\"rid\":\"iso_api\",\"evt\":\"x\"}" : "{}";
            assertThat(post(call, "2", KEY1, body).statusCode()).as("%s on tenant 2 with tenant 1's key", call)
                    .isEqualTo(401);
            assertThat(post(call, null, KEY1, body).statusCode()).as("%s on default tenant 0", call).isEqualTo(401);
            String serverJwt = com.auth0.jwt.JWT.create().withExpiresAt(Instant.now().plusSeconds(60))
                    .sign(com.auth0.jwt.algorithms.Algorithm.HMAC256(KEY1));
            assertThat(post(call, "2", serverJwt, body).statusCode()).as("%s with tenant 1's server JWT", call)
                    .isEqualTo(401);
        }
        victim.expectSilence(QUIET);
        assertThat(rows(two, "SELECT * FROM users_messages WHERE id = 50")).isEmpty();
    }

    @Test
    void dumpSessionShowsOnlyTheTenantsOwnConnections() throws Exception {
        jsonApi("1", KEY1, 51, "iso_dump");
        jsonApi("2", KEY2, 52, "iso_dump");
        jsonApi("2", KEY2, 53, "");

        JsonNode dumpOne = JSON.readTree(post("DumpSession", "1", KEY1, "{}").body());
        assertThat(dumpOne.get("world").findValuesAsText("uid")).containsExactly("51");
        assertThat(dumpOne.get("rooms").toString()).isEqualTo("[{\"rid\":\"iso_dump\",\"room\":[51]}]");
        JsonNode dumpTwo = JSON.readTree(post("DumpSession", "2", KEY2, "{}").body());
        assertThat(dumpTwo.get("world").findValuesAsText("uid")).containsExactlyInAnyOrder("52", "53");
        assertThat(dumpTwo.get("rooms").toString()).isEqualTo("[{\"rid\":\"iso_dump\",\"room\":[52]}]");
    }

    // ---- helpers ------------------------------------------------------------------------

    /** A CppComet WebSocket of tenant {@code devId}; asserts whether serverInfo says authorised. */
    private FrameClient cppComet(int devId, long userId, String key, boolean authorised) throws Exception {
        FrameClient client = FrameClient.open(http, "ws://127.0.0.1:" + server.wsPort() + "/ws/sesion=" + key
                + "&myid=" + userId + "&devid=" + devId + "&v=4.09&uuid=" + "%032x".formatted(devId * 1000 + userId)
                + "&api=js");
        clients.add(client);
        JsonNode info = client.next();
        assertThat(info.path("event").asText()).isEqualTo("serverInfo");
        assertThat(info.path("authorized").asBoolean()).as("devid=%d user %d key %s authorised", devId, userId, key)
                .isEqualTo(authorised);
        return client;
    }

    /** A JSON-API subscriber of {@code tenant}, authenticated with a user JWT, in room {@code rid}. */
    private FrameClient jsonApi(String tenant, String key, long uid, String rid) throws Exception {
        FrameClient client = FrameClient.open(http.newWebSocketBuilder().header("X-Comet-Tenant", tenant),
                "ws://127.0.0.1:" + server.httpPort() + "/comet/Comet/Subscribe");
        clients.add(client);
        String token = JwtUserKey.issue(key, uid, Instant.now().plusSeconds(60));
        client.send("{\"t\":1,\"auth\":{\"token\":\"" + token + "\"},\"join\":{\"rid\":\"" + rid + "\"}}");
        assertThat(client.next().toString()).isEqualTo("{\"t\":1,\"auth\":{\"uid\":" + uid + "}}");
        assertThat(client.next().toString()).isEqualTo("{\"t\":2,\"join\":{\"rid\":\"" + rid + "\"}}");
        return client;
    }

    private HttpResponse<String> post(String call, String tenant, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.httpPort() + "/comet/Comet/" + call))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (tenant != null) {
            request.header("X-Comet-Tenant", tenant);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void update(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.executeUpdate(sql);
        }
    }

    private static List<List<String>> rows(Connection c, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @FunctionalInterface
    private interface Condition {
        boolean holds() throws Exception;
    }

    /** Subscriptions are applied asynchronously: poll until they show, at most 5 s. */
    private static void waitFor(Condition condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.sleep(10);
        }
    }
}

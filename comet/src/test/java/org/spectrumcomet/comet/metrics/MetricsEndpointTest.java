package org.spectrumcomet.comet.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrumcomet.comet.CometServer;
import org.spectrumcomet.comet.auth.JwtUserKey;
import org.spectrumcomet.comet.config.HostPort;
import org.spectrumcomet.comet.config.ServerConfig;
import org.spectrumcomet.comet.ws.FrameClient;

/**
 * The whole server (SQLite store, real sockets): a known sequence of CometQL statements, real
 * WebSocket subscribers and JSON API calls, then {@code GET /metrics} over HTTP with exact values.
 */
class MetricsEndpointTest {

    private static final String KEY = "testkey";
    private static final long DEADLINE_MILLIS = 20_000;

    @TempDir
    Path dir;
    private CometServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<FrameClient> clients = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        ServerConfig.Builder b = new ServerConfig.Builder();
        b.cometql = new HostPort("127.0.0.1", 0);
        b.ws = new HostPort("127.0.0.1", 0);
        b.dataDir = dir.resolve("data").toString();
        b.tenant("0", KEY);
        server = CometServer.start(b.build());
    }

    @AfterEach
    void stop() {
        clients.forEach(FrameClient::close);
        server.close();
    }

    private String base() {
        return "127.0.0.1:" + server.httpAddress().getPort();
    }

    private FrameClient subscriber(String uuid) {
        FrameClient client = FrameClient.open(http, "ws://" + base() + "/ws/sesion=&myid=0&devid=0&v=4.09&uuid="
                + uuid + "&api=js");
        clients.add(client);
        return client;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://" + base() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String call, String token, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://" + base() + "/comet/Comet/" + call))
                .header("Authorization", "Bearer " + token).header("X-Comet-Tenant", "0")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private Exposition scrape() throws Exception {
        HttpResponse<String> response = get("/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        return new Exposition(response.body());
    }

    /** Scrapes until the condition holds (state changes run on other threads); fails after the deadline. */
    private Exposition scrapeUntil(Predicate<Exposition> condition) throws Exception {
        long deadline = System.currentTimeMillis() + DEADLINE_MILLIS;
        Exposition last = scrape();
        while (!condition.test(last)) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("condition not met within " + DEADLINE_MILLIS + " ms:\n" + last.text);
            }
            Thread.sleep(20);
            last = scrape();
        }
        return last;
    }

    private Connection cometql() throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + server.cometqlAddress().getPort()
                + "/CometQL_v1?connectTimeout=5000&socketTimeout=5000", "root", KEY);
    }

    @Test
    void countsAKnownSequenceExactly() throws Exception {
        int subscribers = 3;
        int inserts = 5;
        int privateMessages = 2;
        for (int i = 0; i < subscribers; i++) {
            subscriber("s" + i).send("subscription\nnews");
        }
        scrapeUntil(e -> e.value("comet_subscriptions") == subscribers);

        try (Connection c = cometql(); Statement st = c.createStatement()) {
            for (int i = 0; i < inserts; i++) {
                st.executeUpdate("INSERT INTO pipes_messages (name, event, message) VALUES ('news', 'ev', 'm" + i + "')");
            }
            for (int i = 0; i < privateMessages; i++) {
                st.executeUpdate("INSERT INTO users_messages (id, event, message) VALUES (42, 'ev', 'offline " + i + "')");
            }
            assertThatThrownBy(() -> st.executeUpdate("INSERT INTO no_such_table (id) VALUES (1)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("doesn't exist");

            for (FrameClient client : clients) {
                for (int i = 0; i < inserts; i++) {
                    String text = "m" + i;
                    client.until(f -> "news".equals(f.path("pipe").asText()) && text.equals(f.path("data").asText()));
                }
            }
            long framesReceived = clients.stream().mapToLong(f -> f.all.size()).sum();
            Exposition e = scrapeUntil(x -> x.value("comet_messages_out_total", "protocol", "websocket")
                    == framesReceived);

            assertThat(e.value("comet_messages_in_total", "protocol", "cometql", "kind", "pipes_messages"))
                    .isEqualTo(inserts);
            assertThat(e.value("comet_messages_in_total", "protocol", "cometql", "kind", "users_messages"))
                    .isEqualTo(privateMessages);
            assertThat(e.value("comet_messages_in_total", "protocol", "websocket", "kind", "web_pipe2")).isZero();
            assertThat(e.value("comet_cometql_statements_total", "table", "pipes_messages", "result", "ok"))
                    .isEqualTo(inserts);
            assertThat(e.value("comet_cometql_statements_total", "table", "pipes_messages", "result", "error"))
                    .isZero();
            assertThat(e.value("comet_cometql_statements_total", "table", "users_messages", "result", "ok"))
                    .isEqualTo(privateMessages);
            assertThat(e.value("comet_cometql_statements_total", "table", "unknown", "result", "error")).isEqualTo(1);
            assertThat(e.value("comet_errors_total", "protocol", "cometql", "code", "15")).isEqualTo(1);
            assertThat(framesReceived).isEqualTo((long) subscribers * (inserts + 1)); // + serverInfo each
            Files.writeString(Path.of("target", "metrics-sample.txt"), e.text); // for readers of the README

            assertThat(e.value("comet_connections_open", "protocol", "websocket")).isEqualTo(subscribers);
            assertThat(e.value("comet_connections_accepted_total", "protocol", "websocket")).isEqualTo(subscribers);
            assertThat(e.value("comet_connections_closed_total", "protocol", "websocket")).isZero();
            assertThat(e.value("comet_connections_open", "protocol", "cometql")).isEqualTo(1);
            assertThat(e.value("comet_connections_open", "protocol", "json_api")).isZero();
            assertThat(e.value("comet_subscriptions")).isEqualTo(subscribers);
            assertThat(e.value("comet_pipes_subscribed")).isEqualTo(1);
            // Read from the store at most once a second: wait for a fresh reading.
            scrapeUntil(x -> x.value("comet_offline_queue_messages") == privateMessages);
            assertThat(e.value("comet_store_pending_writes")).isZero();
            assertThat(e.value("comet_outbound_backlog_bytes")).isGreaterThanOrEqualTo(0);

            // Sampled: at least one observation per publish, at most one per frame.
            double observed = e.value("comet_publish_delivery_seconds_count");
            assertThat(observed).isBetween((double) inserts, (double) inserts * subscribers);
            assertThat(e.value("comet_publish_delivery_seconds_bucket", "le", "+Inf")).isEqualTo(observed);
            assertThat(e.value("comet_publish_delivery_seconds_sum")).isPositive();
            assertThat(e.help("comet_publish_delivery_seconds")).contains("frame written");

            assertThat(e.has("jvm_memory_used_bytes", "area", "heap", "id", "G1 Eden Space")
                    || e.text.contains("jvm_memory_used_bytes{area=\"heap\"")).isTrue();
            assertThat(e.text).contains("jvm_gc_", "jvm_threads_live_threads", "process_cpu_usage",
                    "process_uptime_seconds");
        }
        // The CometQL connection closed, one subscriber leaves.
        clients.remove(0).close();
        Exposition after = scrapeUntil(x -> x.value("comet_connections_open", "protocol", "websocket") == subscribers - 1
                && x.value("comet_connections_open", "protocol", "cometql") == 0
                && x.value("comet_subscriptions") == subscribers - 1); // detach runs after the close
        assertThat(after.value("comet_connections_closed_total", "protocol", "websocket")).isEqualTo(1);
        assertThat(after.value("comet_connections_closed_total", "protocol", "cometql")).isEqualTo(1);
        assertThat(after.value("comet_pipes_subscribed")).isEqualTo(1);
    }

    @Test
    void countsJsonApiCallsAndErrorCodes() throws Exception {
        FrameClient room = FrameClient.open(http, "ws://" + base() + "/comet/Comet/Subscribe");
        clients.add(room);
        room.send("{\"t\":1,\"auth\":{\"token\":\"" + JwtUserKey.issue(KEY, 5, Instant.now().plusSeconds(60))
                + "\"},\"join\":{\"rid\":\"room1\"}}");
        room.next(); // auth accepted
        room.next(); // joined
        assertThat(post("Publish", KEY, "{\"uid\":7,\"evt\":{\"text\":\"hi\"}}").statusCode()).isEqualTo(200);
        assertThat(post("Broadcast", KEY, "{\"rid\":\"room1\",\"evt\":\"x\"}").statusCode()).isEqualTo(200);
        assertThat(post("Broadcast", KEY, "{\"rid\":\"room1\",\"evt\":\"y\"}").statusCode()).isEqualTo(200);
        room.until(f -> "y".equals(f.path("push").path("evt").asText()));
        assertThat(post("Publish", "wrong-key", "{\"uid\":7,\"evt\":1}").statusCode()).isEqualTo(401);
        assertThat(post("Publish", KEY, "not json").statusCode()).isEqualTo(400);

        FrameClient bad = subscriber("bad");
        bad.next(); // serverInfo
        bad.send("no_such_command\n");
        assertThat(bad.closeCode()).startsWith("1008");

        Exposition e = scrapeUntil(x -> x.has("comet_errors_total", "protocol", "websocket", "code", "1008"));
        assertThat(e.value("comet_messages_in_total", "protocol", "json_api", "kind", "publish")).isEqualTo(1);
        assertThat(e.value("comet_messages_in_total", "protocol", "json_api", "kind", "broadcast")).isEqualTo(2);
        assertThat(e.value("comet_errors_total", "protocol", "json_api", "code", "401")).isEqualTo(1);
        assertThat(e.value("comet_errors_total", "protocol", "json_api", "code", "400")).isEqualTo(1);
        assertThat(e.value("comet_errors_total", "protocol", "websocket", "code", "1008")).isEqualTo(1);
        assertThat(e.value("comet_connections_open", "protocol", "json_api")).isEqualTo(1);
        assertThat(e.value("comet_messages_out_total", "protocol", "json_api")).isEqualTo(room.all.size()); // 2 + 2 pushes
        assertThat(room.all).hasSize(4);
        assertThat(e.value("comet_publish_delivery_seconds_count")).isEqualTo(2); // every JSON-API push is timed
        scrapeUntil(x -> x.value("comet_offline_queue_messages") == 1);
    }

    @Test
    void countsTheChatPagesSendsAndRefusals() throws Exception {
        try (Connection c = cometql(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO users_auth (id, hash) VALUES (21, 'key21')");
        }
        assertThat(chat("key21", "21", "{\"to\":22,\"body\":{\"text\":\"one\"}}").statusCode()).isEqualTo(200);
        assertThat(chat("key21", "21", "{\"to\":22,\"body\":{\"text\":\"two\"}}").statusCode()).isEqualTo(200);
        assertThat(chat("key21", "21", "{\"pipe\":\"lobby\",\"body\":{\"text\":\"hi\"}}").statusCode())
                .isEqualTo(200);
        assertThat(chat("wrong", "21", "{\"to\":22,\"body\":{\"text\":\"x\"}}").statusCode()).isEqualTo(401);

        Exposition e = scrape();
        assertThat(e.value("comet_messages_in_total", "protocol", "chat_page", "kind", "users_messages")).isEqualTo(2);
        assertThat(e.value("comet_messages_in_total", "protocol", "chat_page", "kind", "pipes_messages")).isEqualTo(1);
        assertThat(e.value("comet_errors_total", "protocol", "chat_page", "code", "401")).isEqualTo(1);
        assertThat(e.has("comet_connections_open", "protocol", "chat_page")).isFalse(); // keeps no connection
    }

    @Test
    void countsTheChatPagesRefusalsMadeBeforeTheKeyCheck() throws Exception {
        assertThat(chat("key21", "21", "{not json").statusCode()).isEqualTo(400);
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://" + base() + "/chat/api/nosuch"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(404);
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://" + base() + "/chat/api/send")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(405);

        Exposition e = scrape();
        assertThat(e.value("comet_errors_total", "protocol", "chat_page", "code", "400")).isEqualTo(1);
        assertThat(e.value("comet_errors_total", "protocol", "chat_page", "code", "404")).isEqualTo(1);
        assertThat(e.value("comet_errors_total", "protocol", "chat_page", "code", "405")).isEqualTo(1);
    }

    private HttpResponse<String> chat(String key, String user, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://" + base() + "/chat/api/send"))
                .header("Authorization", "Bearer " + key).header("X-Comet-User", user)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthIsUpWithEveryListenerAndTheStore() throws Exception {
        HttpResponse<String> response = get("/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("{\"status\":\"up\"")
                .contains("\"cometql\":{\"status\":\"up\"}", "\"ws\":{\"status\":\"up\"}",
                        "\"store\":{\"status\":\"up\",\"kind\":\"sqlite\"}");
    }

    @Test
    void onlyGetIsAnswered() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://" + base() + "/metrics"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.body()).contains("needs GET");
    }
}

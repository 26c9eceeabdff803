package org.spectrumcomet.comet.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrumcomet.comet.CometServer;
import org.spectrumcomet.comet.config.HostPort;
import org.spectrumcomet.comet.config.ServerConfig;
import org.spectrumcomet.comet.engine.redis.RedisServer;
import org.spectrumcomet.comet.ws.FrameClient;

/**
 * The Redis engine behind {@code /health} and {@code /metrics}: up with Redis, 503 naming the
 * store while redis-server is stopped, up again once it is back; the meters work as with the
 * embedded engine (delivery latency, network-wide offline queue).
 */
class RedisHealthTest {

    private static final long DEADLINE_MILLIS = 30_000;

    @TempDir
    Path dir;
    private RedisServer redis;
    private CometServer server;
    private FrameClient subscriber;
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() throws Exception {
        if (subscriber != null) {
            subscriber.close();
        }
        if (server != null) {
            server.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpAddress().getPort() + path))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> getUntil(String path, Predicate<HttpResponse<String>> wanted) throws Exception {
        long deadline = System.currentTimeMillis() + DEADLINE_MILLIS;
        HttpResponse<String> last = get(path);
        while (!wanted.test(last)) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("not within " + DEADLINE_MILLIS + " ms: " + last.statusCode() + " "
                        + last.body());
            }
            Thread.sleep(50);
            last = get(path);
        }
        return last;
    }

    private HttpResponse<String> post(String call, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpAddress().getPort()
                        + "/comet/Comet/" + call)).header("Authorization", "Bearer testkey")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthFollowsRedisAndMetricsWorkOnTheRedisEngine() throws Exception {
        RedisServer.assumeInstalled();
        redis = RedisServer.start(dir.resolve("redis"));
        ServerConfig.Builder b = new ServerConfig.Builder();
        b.cometql = new HostPort("127.0.0.1", 0);
        b.ws = new HostPort("127.0.0.1", 0);
        b.redis = redis.settings();
        b.tenant("0", "testkey");
        server = CometServer.start(b.build());

        HttpResponse<String> up = get("/health");
        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(up.body()).startsWith("{\"status\":\"up\"").contains("\"store\":{\"status\":\"up\",\"kind\":\"redis\"}");

        subscriber = FrameClient.open(http, "ws://127.0.0.1:" + server.wsAddress().getPort()
                + "/ws/sesion=&myid=0&devid=0&v=4.09&uuid=r1&api=js");
        subscriber.next(); // serverInfo
        subscriber.send("subscription\nnews");
        getUntil("/metrics", r -> new Exposition(r.body()).value("comet_subscriptions") == 1);
        // A broadcast makes the round trip through Redis and back to this node's subscriber.
        long deadline = System.currentTimeMillis() + DEADLINE_MILLIS;
        assertThat(post("Broadcast", "{\"rid\":\"news\",\"evt\":\"hello\"}").statusCode()).isEqualTo(200);
        subscriber.until(f -> "news".equals(f.path("pipe").asText()));
        assertThat(post("Publish", "{\"uid\":9,\"evt\":\"queued\"}").statusCode()).isEqualTo(200);
        assertThat(post("Publish", "{\"uid\":10,\"evt\":\"queued\"}").statusCode()).isEqualTo(200);
        Exposition e = new Exposition(getUntil("/metrics", r -> new Exposition(r.body())
                .value("comet_offline_queue_messages") == 2).body());
        assertThat(e.value("comet_publish_delivery_seconds_count")).isEqualTo(1);
        assertThat(e.value("comet_pipes_subscribed")).isEqualTo(1);
        assertThat(e.value("comet_messages_in_total", "protocol", "json_api", "kind", "publish")).isEqualTo(2);
        assertThat(System.currentTimeMillis()).isLessThan(deadline);

        int port = redis.port();
        redis.close(); // stopped by its PID, as the other Redis tests do
        redis = null;
        HttpResponse<String> down = getUntil("/health", r -> r.statusCode() == 503);
        Files.writeString(Path.of("target", "health-down.json"), down.body()); // for readers of the README
        assertThat(down.body()).startsWith("{\"status\":\"down\"")
                .contains("\"cometql\":{\"status\":\"up\"}", "\"store\":{\"status\":\"down\",\"kind\":\"redis\"",
                        "Redis");
        HttpResponse<String> metrics = get("/metrics");
        assertThat(metrics.statusCode()).as("a scrape still answers while Redis is away").isEqualTo(200);
        assertThat(new Exposition(metrics.body()).value("comet_connections_open", "protocol", "websocket"))
                .isEqualTo(1);

        redis = RedisServer.start(dir.resolve("redis"), port, false);
        assertThat(getUntil("/health", r -> r.statusCode() == 200).body()).startsWith("{\"status\":\"up\"");
    }
}

package org.spectrumcomet.comet.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.nio.NioEventLoopGroup;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrumcomet.comet.engine.local.ConfiguredTenants;
import org.spectrumcomet.comet.engine.local.EngineLimits;
import org.spectrumcomet.comet.engine.redis.RedisCometEngine;
import org.spectrumcomet.comet.engine.redis.RedisServer;
import org.spectrumcomet.comet.ws.FrameClient;
import org.spectrumcomet.comet.ws.WebListener;
import org.spectrumcomet.comet.ws.WebSettings;

/**
 * The chat page's site calls on the Redis engine, across two nodes sharing one Redis: a page on
 * node one sends, a page on node two receives; rooms and presence read the shared network.
 */
class ChatApiRedisTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;
    private RedisServer redis;
    private final NioEventLoopGroup boss = new NioEventLoopGroup(1);
    private final NioEventLoopGroup workers = new NioEventLoopGroup(2);
    private final ExecutorService blocking = Executors.newFixedThreadPool(4);
    private final HttpClient http = HttpClient.newHttpClient();
    private RedisCometEngine one;
    private RedisCometEngine two;
    private WebListener webOne;
    private WebListener webTwo;

    @BeforeEach
    void start() throws Exception {
        RedisServer.assumeInstalled();
        redis = RedisServer.start(dir.resolve("redis"));
        one = node();
        two = node();
        webOne = WebListener.start(WebSettings.defaults(new InetSocketAddress("127.0.0.1", 0)), one, boss, workers, blocking);
        webTwo = WebListener.start(WebSettings.defaults(new InetSocketAddress("127.0.0.1", 0)), two, boss, workers, blocking);
        one.setUserKey("0", 7, "key7");
        one.setUserKey("0", 8, "key8");
    }

    private RedisCometEngine node() {
        return new RedisCometEngine(new ConfiguredTenants(Map.of("0", "k0")), redis.settings().withKeyPrefix("chat:"),
                new EngineLimits(100, 32), Clock.systemUTC());
    }

    @AfterEach
    void stop() throws Exception {
        for (WebListener w : new WebListener[] {webOne, webTwo}) {
            if (w != null) {
                w.close();
            }
        }
        blocking.shutdown();
        blocking.awaitTermination(5, TimeUnit.SECONDS);
        for (RedisCometEngine e : new RedisCometEngine[] {one, two}) {
            if (e != null) {
                e.close();
            }
        }
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        if (redis != null) {
            redis.close();
        }
    }

    private JsonNode call(WebListener node, String call, String body) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + node.httpAddress().getPort() + "/chat/api/" + call))
                .header("X-Comet-User", "7").header("Authorization", "Bearer key7")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    @Test
    void sendRoomAndPresenceWorkAcrossNodes() throws Exception {
        try (FrameClient eight = FrameClient.open(http, "ws://127.0.0.1:" + webTwo.localAddress().getPort()
                + "/ws/sesion=key8&myid=8&devid=0&v=4.09&uuid=u8&api=js")) {
            eight.until(f -> f.path("event").asText().equals("serverInfo"));
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (call(webOne, "presence", "{\"users\":[8]}").path("8").asLong() != 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(call(webOne, "presence", "{\"users\":[8]}").path("8").asLong()).isZero();

            call(webOne, "send", "{\"to\":8,\"body\":{\"text\":\"across nodes\",\"id\":\"n1\"}}");
            JsonNode frame = eight.until(f -> f.path("pipe").asText().equals("msg"));
            assertThat(JSON.readTree(frame.path("data").asText()).path("text").asText()).isEqualTo("across nodes");

            call(webOne, "room", "{\"pipe\":\"redis_room\"}");
            eight.send("subscription\nredis_room");
            deadline = System.nanoTime() + 10_000_000_000L;
            while (call(webOne, "room", "{\"pipe\":\"redis_room\"}").path("members").isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            call(webOne, "send", "{\"pipe\":\"redis_room\",\"body\":{\"text\":\"room on redis\",\"id\":\"r1\"}}");
            JsonNode roomFrame = eight.until(f -> f.path("pipe").asText().equals("redis_room"));
            assertThat(JSON.readTree(roomFrame.path("data").asText()).path("from").asText()).isEqualTo("7");
            JsonNode room = call(webTwo, "room", "{\"pipe\":\"redis_room\"}");
            assertThat(room.path("members").toString()).isEqualTo("[8]");
            assertThat(room.path("history")).hasSize(1);
            assertThat(room.path("history").get(0).path("data").asText()).contains("room on redis");
        }
    }
}

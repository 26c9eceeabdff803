package org.spectrumcomet.comet.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.comet.auth.HmacUserKey;
import org.spectrumcomet.comet.auth.JwtUserKey;
import org.spectrumcomet.comet.engine.PipeMessage;
import org.spectrumcomet.comet.ws.FrameClient;
import org.spectrumcomet.comet.ws.WebFixture;

/** The chat page's site calls over real HTTP in front of the in-memory engine. */
class ChatApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private WebFixture fx;

    @BeforeEach
    void start() throws Exception {
        fx = new WebFixture();
        fx.engine.setUserKey("0", 7, "key7");
        fx.engine.setUserKey("0", 8, "key8");
    }

    @AfterEach
    void stop() throws Exception {
        fx.close();
    }

    private HttpResponse<String> call(String call, String user, String key, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fx.httpBase() + "/chat/api/" + call))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            request.header("X-Comet-User", user);
        }
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return fx.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** serverInfo may leave before the engine registered the connection for private messages. */
    private void awaitOnline(FrameClient client, long user) throws Exception {
        client.until(f -> f.path("event").asText().equals("serverInfo"));
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (fx.engine.lastOnline("0", user) != 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(fx.engine.lastOnline("0", user)).as("user %d online", user).isZero();
    }

    private static JsonNode json(HttpResponse<String> answer) throws Exception {
        return JSON.readTree(answer.body());
    }

    @Test
    void whoamiAcceptsUsersAuthHmacAndJwtKeysAndRefusesOthers() throws Exception {
        HttpResponse<String> me = call("whoami", "7", "key7", "{}");
        assertThat(json(me).path("user").asLong()).isEqualTo(7);
        assertThat(me.headers().firstValue("cache-control")).hasValue("no-store");
        assertThat(json(call("whoami", "9", HmacUserKey.of(WebFixture.KEY0, 9), "")).path("user").asLong()).isEqualTo(9);
        String jwt = JwtUserKey.issue(WebFixture.KEY0, 11, Instant.now().plusSeconds(60));
        assertThat(json(call("whoami", null, jwt, "")).path("user").asLong()).isEqualTo(11);
        HttpResponse<String> bad = call("whoami", "7", "wrong", "{}");
        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(json(bad).path("error").asText()).startsWith("bad user id or key");
        assertThat(call("whoami", "7", null, "{}").statusCode()).isEqualTo(401);
        assertThat(call("whoami", "seven", "key7", "{}").statusCode()).isEqualTo(400);
        HttpResponse<String> otherTenant = fx.http.send(HttpRequest.newBuilder(URI.create(fx.httpBase() + "/chat/api/whoami"))
                .header("X-Comet-User", "7").header("Authorization", "Bearer key7").header("X-Comet-Tenant", "42")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(otherTenant.statusCode()).isEqualTo(401);
        assertThat(otherTenant.body()).contains("unknown tenant 42");
    }

    @Test
    void privateMessageReachesTheUserWithFromForcedToTheSender() throws Exception {
        try (FrameClient eight = fx.comet("key8", 8, "0", "u8")) {
            awaitOnline(eight, 8);
            HttpResponse<String> sent = call("send", "7", "key7",
                    "{\"to\":8,\"event\":\"message\",\"body\":{\"from\":\"99\",\"text\":\"<b>hi</b>\",\"id\":\"m1\",\"ts\":5}}");
            assertThat(sent.statusCode()).isEqualTo(200);
            assertThat(json(sent).path("delivered").asInt()).isEqualTo(1);
            JsonNode frame = eight.until(f -> f.path("pipe").asText().equals("msg"));
            assertThat(frame.path("event").asText()).isEqualTo("message");
            JsonNode body = JSON.readTree(frame.path("data").asText());
            assertThat(body.path("from").asText()).isEqualTo("7");
            assertThat(body.path("text").asText()).isEqualTo("<b>hi</b>");
            assertThat(body.path("id").asText()).isEqualTo("m1");
            assertThat(body.path("ts").asLong()).isEqualTo(5);
        }
    }

    @Test
    void offlineUserGetsTextQueuedButNoChatStates() throws Exception {
        HttpResponse<String> text = call("send", "7", "key7", "{\"to\":8,\"body\":{\"text\":\"later\"}}");
        assertThat(json(text).path("queued").asBoolean()).isTrue();
        HttpResponse<String> typing = call("send", "7", "key7", "{\"to\":8,\"event\":\"typing\",\"body\":{\"kind\":\"typing\"}}");
        assertThat(json(typing).path("dropped").asText()).isEqualTo("offline");
        assertThat(fx.engine.queue("0", 8)).hasSize(1);
        assertThat(fx.engine.queue("0", 8).get(0).text()).contains("\"text\":\"later\"").contains("\"from\":\"7\"");
    }

    @Test
    void roomPublishKeepsHistoryAndListsMembers() throws Exception {
        try (FrameClient eight = fx.comet("key8", 8, "0", "u8")) {
            awaitOnline(eight, 8);
            JsonNode joined = json(call("room", "7", "key7", "{\"pipe\":\"demo_room\"}"));
            assertThat(joined.path("history")).isEmpty();
            eight.send("subscription\ndemo_room");
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (fx.engine.subscriberCount("0", "demo_room") == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            HttpResponse<String> sent = call("send", "7", "key7",
                    "{\"pipe\":\"demo_room\",\"event\":\"message\",\"body\":{\"text\":\"hello room\",\"nick\":\"seven\",\"id\":\"r1\"}}");
            assertThat(sent.statusCode()).isEqualTo(200);
            JsonNode frame = eight.until(f -> f.path("pipe").asText().equals("demo_room"));
            assertThat(JSON.readTree(frame.path("data").asText()).path("from").asText()).isEqualTo("7");
            JsonNode room = json(call("room", "7", "key7", "{\"pipe\":\"demo_room\"}"));
            assertThat(room.path("members").toString()).isEqualTo("[8]");
            assertThat(room.path("history")).hasSize(1);
            JsonNode kept = room.path("history").get(0);
            assertThat(kept.path("user").asLong()).isEqualTo(7);
            assertThat(kept.path("time").asLong()).isGreaterThan(1_700_000_000L);
            assertThat(JSON.readTree(kept.path("data").asText()).path("text").asText()).isEqualTo("hello room");
            List<PipeMessage> history = fx.engine.history("0", "demo_room", 10);
            assertThat(history).hasSize(1);
        }
    }

    @Test
    void presenceIsUsersTime() throws Exception {
        try (FrameClient eight = fx.comet("key8", 8, "0", "u8")) {
            awaitOnline(eight, 8);
            JsonNode times = json(call("presence", "7", "key7", "{\"users\":[8,\"9\"]}"));
            assertThat(times.path("8").asLong()).isZero();
            assertThat(times.path("9").asLong()).isEqualTo(-1);
        }
    }

    @Test
    void badRequestsGetSpecificErrors() throws Exception {
        assertThat(call("send", "7", "key7", "not json").statusCode()).isEqualTo(400);
        assertThat(call("send", "7", "key7", "[1]").statusCode()).isEqualTo(400);
        assertThat(json(call("send", "7", "key7", "{\"to\":0,\"body\":{}}")).path("error").asText()).contains("\"to\"");
        assertThat(json(call("send", "7", "key7", "{\"to\":8,\"body\":\"x\"}")).path("error").asText()).contains("\"body\"");
        assertThat(json(call("send", "7", "key7", "{\"to\":8,\"event\":\"a b\",\"body\":{}}")).path("error").asText())
                .contains("\"event\"");
        for (String pipe : new String[] {"user_status_8", "msg", "_answer_x", "ab", "bad pipe"}) {
            HttpResponse<String> refused = call("send", "7", "key7", "{\"pipe\":\"" + pipe + "\",\"body\":{}}");
            assertThat(refused.statusCode()).as(pipe).isEqualTo(400);
        }
        assertThat(call("presence", "7", "key7", "{\"users\":7}").statusCode()).isEqualTo(400);
        HttpResponse<String> big = call("send", "7", "key7", "{\"to\":8,\"body\":{\"text\":\"" + "x".repeat(9000) + "\"}}");
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(json(big).path("error").asText()).contains("at most 8800");
        assertThat(call("nothing", "7", "key7", "{}").statusCode()).isEqualTo(404);
        HttpResponse<String> get = fx.get("/chat/api/send");
        assertThat(get.statusCode()).isEqualTo(405);
        // a refused key is checked before anything is sent
        assertThat(call("send", "7", "key8", "{\"to\":8,\"body\":{\"text\":\"spoof\"}}").statusCode()).isEqualTo(401);
        assertThat(fx.engine.queue("0", 8)).isEmpty();
    }

    /** HTTP/1.1 answers pipelined requests in order: a page asked for behind a running call waits for it. */
    @Test
    void aPipelinedRequestIsAnsweredAfterTheCallBeforeIt() throws Exception {
        URI base = URI.create(fx.httpBase());
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /chat/api/whoami HTTP/1.1\r\nHost: x\r\nX-Comet-User: 7\r\n"
                    + "Authorization: Bearer key7\r\nContent-Length: 2\r\n\r\n{}"
                    + "GET /chat/chat.css HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answers = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(answers).startsWith("HTTP/1.1 200 OK");
            int call = answers.indexOf("{\"user\":7}");
            int page = answers.indexOf("text/css");
            assertThat(call).as("whoami answered:\n%s", answers).isPositive();
            assertThat(page).as("chat.css answered after whoami:\n%s", answers).isGreaterThan(call);
        }
    }
}

package org.spectrumcomet.comet.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.comet.auth.JwtUserKey;
import org.spectrumcomet.comet.ws.FrameClient;
import org.spectrumcomet.comet.ws.WebFixture;

/** The JSON comet API's HTTP calls end to end, with CppComet-protocol and JSON-API receivers. */
class CometApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private WebFixture fx;

    @BeforeEach
    void start() throws Exception {
        fx = new WebFixture();
    }

    @AfterEach
    void stop() throws Exception {
        fx.close();
    }

    @Test
    void publishReachesTheUsersCppCometConnection() throws Exception {
        fx.engine.setUserKey("0", 7, "k7");
        try (FrameClient seven = fx.comet("k7", 7, "0", "a")) {
            seven.next();
            HttpResponse<String> answer = fx.post("/comet/Comet/Publish", "0", WebFixture.KEY0,
                    "{\"uid\":7,\"evt\":{\"text\":\"hi \\\"there\\\"\"}}");
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEmpty();
            JsonNode frame = seven.until(f -> f.path("pipe").asText().equals("msg"));
            assertThat(frame.get("event").asText()).isEqualTo("push");
            assertThat(JSON.readTree(frame.get("data").asText()).get("text").asText()).isEqualTo("hi \"there\"");
        }
    }

    @Test
    void publishWhileOfflineIsQueued() throws Exception {
        assertThat(fx.post("/comet/Comet/Publish", "0", WebFixture.KEY0, "{\"uid\":8,\"evt\":\"later\"}").statusCode())
                .isEqualTo(200);
        assertThat(fx.engine.queue("0", 8)).hasSize(1);
    }

    @Test
    void publishToAFullOfflineQueueIsRefused() throws Exception {
        for (int i = 0; i < org.spectrumcomet.comet.engine.local.EngineLimits.DEFAULT_MAX_QUEUED_PER_USER; i++) {
            fx.engine.sendToUser("0", 9, "push", "m" + i);
        }
        HttpResponse<String> answer = fx.post("/comet/Comet/Publish", "0", WebFixture.KEY0, "{\"uid\":9,\"evt\":1}");
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(answer.body()).get("error").asText()).contains("queue").contains("full");
        assertThat(fx.engine.queue("0", 9).get(0).text()).isEqualTo("m0");
    }

    @Test
    void broadcastToRoomAndToWorldWithJwtBearer() throws Exception {
        String serverJwt = com.auth0.jwt.JWT.create().withExpiresAt(Instant.now().plusSeconds(60))
                .sign(com.auth0.jwt.algorithms.Algorithm.HMAC256(WebFixture.KEY0));
        try (FrameClient member = SubscribeHandlerTest.authed(fx, 3, "room1")) {
            assertThat(fx.post("/comet/Comet/Broadcast", "0", serverJwt, "{\"rid\":\"room1\",\"evt\":[1,2]}").statusCode())
                    .isEqualTo(200);
            JsonNode push = member.until(f -> f.path("t").asInt() == 3);
            assertThat(push.get("push").get("rid").asText()).isEqualTo("room1");
            assertThat(push.get("push").get("evt").toString()).isEqualTo("[1,2]");
            assertThat(fx.post("/comet/Comet/Broadcast", "0", serverJwt, "{\"evt\":{\"all\":true}}").statusCode())
                    .isEqualTo(200);
            JsonNode world = member.until(f -> f.path("t").asInt() == 3);
            assertThat(world.get("push").get("rid").asText()).isEmpty();
            assertThat(world.get("push").get("evt").get("all").asBoolean()).isTrue();
        }
    }

    @Test
    void dumpSessionListsJsonApiConnectionsOfTheTenant() throws Exception {
        try (FrameClient a = SubscribeHandlerTest.authed(fx, 3, "room1");
             FrameClient b = SubscribeHandlerTest.authed(fx, 4, "")) {
            HttpResponse<String> answer = fx.post("/comet/Comet/DumpSession", null, WebFixture.KEY0, "{}");
            assertThat(answer.statusCode()).isEqualTo(200);
            JsonNode dump = JSON.readTree(answer.body());
            assertThat(dump.get("world")).hasSize(2);
            assertThat(dump.get("world").findValuesAsText("rid")).containsExactlyInAnyOrder("room1", "");
            assertThat(dump.get("world").get(0).get("birth").asLong()).isPositive();
            assertThat(dump.get("rooms").toString()).isEqualTo("[{\"rid\":\"room1\",\"room\":[3]}]");
            JsonNode other = JSON.readTree(fx.post("/comet/Comet/DumpSession", "5", WebFixture.KEY5, "").body());
            assertThat(other.get("world")).isEmpty();
        }
    }

    @Test
    void refusesBadTokensAndUserTokens() throws Exception {
        assertThat(fx.post("/comet/Comet/Publish", "0", "wrong", "{\"uid\":7,\"evt\":1}").statusCode()).isEqualTo(401);
        assertThat(fx.post("/comet/Comet/Publish", "0", null, "{\"uid\":7,\"evt\":1}").statusCode()).isEqualTo(401);
        assertThat(fx.post("/comet/Comet/Publish", "5", WebFixture.KEY0, "{\"uid\":7,\"evt\":1}").statusCode()).isEqualTo(401);
        assertThat(fx.post("/comet/Comet/Publish", "9", WebFixture.KEY0, "{\"uid\":7,\"evt\":1}").statusCode()).isEqualTo(401);
        String userJwt = JwtUserKey.issue(WebFixture.KEY0, 7, Instant.now().plusSeconds(60));
        HttpResponse<String> answer = fx.post("/comet/Comet/Publish", "0", userJwt, "{\"uid\":7,\"evt\":1}");
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(answer.body()).get("error").asText()).contains("user");
        assertThat(fx.engine.queue("0", 7)).isEmpty();
    }

    @Test
    void badRequestsGetSpecificErrors() throws Exception {
        HttpResponse<String> notJson = fx.post("/comet/Comet/Publish", "0", WebFixture.KEY0, "{nope");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(notJson.body()).get("error").asText()).startsWith("body is not JSON");
        assertThat(fx.post("/comet/Comet/Publish", "0", WebFixture.KEY0, "{\"uid\":0,\"evt\":1}").statusCode()).isEqualTo(400);
        assertThat(fx.post("/comet/Comet/Publish", "0", WebFixture.KEY0, "{\"uid\":7}").statusCode()).isEqualTo(400);
        assertThat(fx.post("/comet/Comet/Broadcast", "0", WebFixture.KEY0, "{\"rid\":\"a b\",\"evt\":1}").statusCode()).isEqualTo(400);
        assertThat(fx.post("/comet/Comet/Nothing", "0", WebFixture.KEY0, "{}").statusCode()).isEqualTo(404);
        assertThat(fx.get("/comet/Comet/Publish").statusCode()).isEqualTo(405);
        HttpResponse<String> tooBig = fx.post("/comet/Comet/Publish", "0", WebFixture.KEY0,
                "{\"uid\":7,\"evt\":\"" + "z".repeat(70_000) + "\"}");
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(tooBig.body()).get("error").asText()).contains("bytes");
    }
}

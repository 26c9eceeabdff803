package org.spectrumcomet.comet.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.comet.auth.HmacUserKey;
import org.spectrumcomet.comet.auth.JwtUserKey;
import org.spectrumcomet.comet.ws.FrameClient;
import org.spectrumcomet.comet.ws.WebFixture;

/** The JSON comet API WebSocket ({@code /comet/Comet/Subscribe}) end to end. */
class SubscribeHandlerTest {

    private WebFixture fx;

    @BeforeEach
    void start() throws Exception {
        fx = new WebFixture();
    }

    @AfterEach
    void stop() throws Exception {
        fx.close();
    }

    static FrameClient open(WebFixture fx) {
        return FrameClient.open(fx.http, fx.base() + "/comet/Comet/Subscribe");
    }

    /** A JSON-API client of tenant 0 authenticated by JWT as {@code uid}, joined to {@code rid}. */
    static FrameClient authed(WebFixture fx, long uid, String rid) throws Exception {
        FrameClient client = open(fx);
        String token = JwtUserKey.issue(WebFixture.KEY0, uid, Instant.now().plusSeconds(60));
        client.send("{\"t\":1,\"auth\":{\"token\":\"" + token + "\"},\"join\":{\"rid\":\"" + rid + "\"}}");
        assertThat(client.next().toString()).isEqualTo("{\"t\":1,\"auth\":{\"uid\":" + uid + "}}");
        assertThat(client.next().toString()).isEqualTo("{\"t\":2,\"join\":{\"rid\":\"" + rid + "\"}}");
        return client;
    }

    @Test
    void heartbeatIsAnswered() throws Exception {
        try (FrameClient client = open(fx)) {
            client.send("{\"t\":0,\"hb\":{}}");
            assertThat(client.nextText()).isEqualTo("{\"t\":0,\"hb\":{}}");
        }
    }

    @Test
    void cometQlPublishOnTheRoomArrivesAsPush() throws Exception {
        try (FrameClient client = authed(fx, 5, "lobby")) {
            fx.engine.publish("0", "lobby", "ev1", "plain \"text\"", 0, null);
            JsonNode push = client.next().get("push");
            assertThat(push.get("rid").asText()).isEqualTo("lobby");
            assertThat(push.get("evt").asText()).isEqualTo("plain \"text\"");
            assertThat(push.get("event").asText()).isEqualTo("ev1");
        }
    }

    @Test
    void joinAnotherRoomLeavesThePreviousOne() throws Exception {
        try (FrameClient client = authed(fx, 5, "room_a")) {
            client.send("{\"t\":2,\"join\":{\"rid\":\"room_b\"}}");
            client.until(f -> f.path("t").asInt() == 2);
            assertThat(fx.engine.subscriberCount("0", "room_a")).isZero();
            assertThat(fx.engine.subscriberCount("0", "room_b")).isEqualTo(1);
            client.send("{\"t\":2,\"join\":{\"rid\":\"\"}}");
            client.until(f -> f.path("t").asInt() == 2);
            assertThat(fx.engine.subscriberCount("0", "room_b")).isZero();
            assertThat(fx.engine.subscriberCount("0", World.PIPE)).isEqualTo(1);
        }
    }

    @Test
    void privateMessagesArriveAsPushWithoutRid() throws Exception {
        try (FrameClient client = authed(fx, 6, "")) {
            fx.post("/comet/Comet/Publish", "0", WebFixture.KEY0, "{\"uid\":6,\"evt\":{\"n\":\"42\"}}");
            JsonNode push = client.next().get("push");
            assertThat(push.has("rid")).isFalse();
            assertThat(push.get("evt").toString()).isEqualTo("{\"n\":\"42\"}");
        }
    }

    @Test
    void plainKeyNeedsUid() throws Exception {
        try (FrameClient client = open(fx)) {
            client.send("{\"t\":1,\"auth\":{\"token\":\"" + HmacUserKey.of(WebFixture.KEY0, 9) + "\",\"uid\":9}}");
            assertThat(client.next().toString()).isEqualTo("{\"t\":1,\"auth\":{\"uid\":9}}");
        }
        fx.engine.setUserKey("5", 9, "k9");
        try (FrameClient client = open(fx)) {
            client.send("{\"t\":1,\"auth\":{\"token\":\"k9\",\"uid\":9,\"tenant\":\"5\"}}");
            assertThat(client.next().toString()).isEqualTo("{\"t\":1,\"auth\":{\"uid\":9}}");
        }
    }

    @Test
    void badTokenOrFrameBeforeAuthCloses() throws Exception {
        try (FrameClient client = open(fx)) {
            client.send("{\"t\":1,\"auth\":{\"token\":\"nope\",\"uid\":9}}");
            assertThat(client.closeCode()).startsWith("1008 authentication failed");
        }
        try (FrameClient client = open(fx)) {
            client.send("{\"t\":2,\"join\":{\"rid\":\"x1\"}}");
            assertThat(client.closeCode()).isEqualTo("1008 AUTH must be the first frame");
        }
        try (FrameClient client = open(fx)) {
            client.send("not json");
            assertThat(client.closeCode()).startsWith("1008 bad frame");
        }
    }

    @Test
    void serverSendsHeartbeatsAndClosesASilentClient() throws Exception {
        fx.close();
        fx = new WebFixture(WebFixture.settings(100, 65_535, Duration.ofMillis(300)));
        try (FrameClient client = open(fx)) {
            assertThat(client.nextText()).isEqualTo("{\"t\":0,\"hb\":{}}"); // the server's own heartbeat
            assertThat(client.closeCode()).isEqualTo("1001 no heartbeat");
        }
    }
}

package org.spectrumcomet.comet.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.comet.engine.local.ConfiguredTenants;
import org.spectrumcomet.comet.engine.local.LocalCometEngine;
import org.spectrumcomet.comet.metrics.CometMetrics;
import org.spectrumcomet.comet.store.MemoryStore;

/** The chat site calls against the engine directly: rooms' history setting and its bound, sender forcing. */
class ChatCallsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final LocalCometEngine engine = new LocalCometEngine(new ConfiguredTenants(Map.of("0", "k0")), new MemoryStore());
    private final ChatCalls.Caller seven = new ChatCalls.Caller("0", 7);

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void roomsGetAHistorySettingUpToTheBound() throws Exception {
        ChatCalls calls = new ChatCalls(engine, 2);
        engine.setHistoryLength("0", "configured", 5);
        for (String pipe : new String[] {"configured", "room_a", "room_b", "room_c", "room_d"}) {
            calls.run("room", seven, JSON.readTree("{\"pipe\":\"" + pipe + "\"}"));
        }
        assertThat(engine.historyLength("0", "configured")).isEqualTo(OptionalInt.of(5)); // the site's own setting wins
        assertThat(engine.historyLength("0", "room_a")).isEqualTo(OptionalInt.of(ChatCalls.ROOM_HISTORY));
        assertThat(engine.historyLength("0", "room_b")).isEqualTo(OptionalInt.of(ChatCalls.ROOM_HISTORY));
        assertThat(engine.historyLength("0", "room_c")).isEmpty();
        assertThat(engine.historyLength("0", "room_d")).isEmpty();
    }

    @Test
    void sendForcesTheSenderAndKeepsTheRest() throws Exception {
        ChatCalls calls = new ChatCalls(engine, CometMetrics.unscraped());
        calls.run("room", seven, JSON.readTree("{\"pipe\":\"kept_room\"}"));
        String answer = calls.run("send", seven, JSON.readTree(
                "{\"pipe\":\"kept_room\",\"body\":{\"from\":\"1\",\"nick\":\"seven\",\"text\":\"x\",\"ref\":\"r\"}}"));
        assertThat(JSON.readTree(answer).path("delivered").asInt()).isZero();
        var body = JSON.readTree(engine.history("0", "kept_room", 10).get(0).text());
        assertThat(body.path("from").asText()).isEqualTo("7");
        assertThat(body.path("nick").asText()).isEqualTo("seven");
        assertThat(body.path("ref").asText()).isEqualTo("r");
        assertThat(body.path("ts").asLong()).isPositive();
        assertThat(engine.history("0", "kept_room", 10).get(0).userId()).isEqualTo(7);
    }

    /** A page shows ts with new Date(ts): beyond 8.64e15 ms (or not a whole number) that throws there. */
    @Test
    void aTimeNoPageCanShowIsReplacedByTheServersTime() throws Exception {
        ChatCalls calls = new ChatCalls(engine, CometMetrics.unscraped());
        calls.run("room", seven, JSON.readTree("{\"pipe\":\"time_room\"}"));
        long before = System.currentTimeMillis();
        String[] bad = {"1e400", "-1e400", "1e300", "9223372036854775807", "99999999999999999999", "-5", "0", "1.5"};
        for (String ts : bad) {
            calls.run("send", seven, JSON.readTree("{\"pipe\":\"time_room\",\"body\":{\"text\":\"" + ts
                    + "\",\"ts\":" + ts + "}}"));
        }
        calls.run("send", seven, JSON.readTree("{\"pipe\":\"time_room\",\"body\":{\"text\":\"ok\",\"ts\":5}}"));
        for (var m : engine.history("0", "time_room", 20)) {
            var body = JSON.readTree(m.text());
            assertThat(body.path("ts").isIntegralNumber()).as(m.text()).isTrue();
            if (body.path("text").asText().equals("ok")) {
                assertThat(body.path("ts").asLong()).isEqualTo(5); // a real time is kept
            } else {
                assertThat(body.path("ts").asLong()).as(m.text()).isBetween(before, System.currentTimeMillis());
            }
        }
        assertThat(engine.history("0", "time_room", 20)).hasSize(bad.length + 1);
    }

    /** A room's answer, fetched by every open page every few seconds, lists a bounded number of members. */
    @Test
    void roomListsAtMostABoundOfMembersAndSaysHowManyThereAre() throws Exception {
        int users = ChatCalls.MAX_MEMBERS + 25;
        for (long id = 1; id <= users; id++) {
            String uuid = "u" + id;
            var session = engine.attach("0", id, new org.spectrumcomet.comet.engine.ClientConnection() {
                @Override
                public boolean deliver(org.spectrumcomet.comet.engine.CometEvent event) {
                    return true;
                }

                @Override
                public void close(String reason) {
                }

                @Override
                public String uuid() {
                    return uuid;
                }

                @Override
                public org.spectrumcomet.comet.engine.ClientInfo info() {
                    return new org.spectrumcomet.comet.engine.ClientInfo("test", "127.0.0.1", "", "");
                }
            });
            engine.subscribe(session, java.util.List.of("big_room"));
        }
        var answer = JSON.readTree(new ChatCalls(engine, CometMetrics.unscraped())
                .run("room", seven, JSON.readTree("{\"pipe\":\"big_room\"}")));
        assertThat(answer.path("members").size()).isEqualTo(ChatCalls.MAX_MEMBERS);
        assertThat(answer.path("members_total").asInt()).isEqualTo(users);
    }

    @Test
    void unknownCallIsABadRequest() {
        assertThatThrownBy(() -> new ChatCalls(engine, CometMetrics.unscraped()).run("drop", seven, JSON.createObjectNode()))
                .isInstanceOf(CometApiCalls.BadRequest.class).hasMessage("no such call: drop");
    }
}

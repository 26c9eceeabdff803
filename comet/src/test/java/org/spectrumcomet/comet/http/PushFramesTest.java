package org.spectrumcomet.comet.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.comet.engine.CometEvent;

class PushFramesTest {

    @Test
    void pushOfThisApisJsonKeepsTheValue() {
        assertThat(PushFrames.push(new CometEvent("room1", "push", "{\"a\":[1,\"x\"]}", 5, -1, false), World.PIPE))
                .isEqualTo("{\"t\":3,\"push\":{\"evt\":{\"a\":[1,\"x\"]},\"rid\":\"room1\"}}");
        assertThat(PushFrames.push(new CometEvent(World.PIPE, "push", "\"hi\"", 5, -1, false), World.PIPE))
                .isEqualTo("{\"t\":3,\"push\":{\"evt\":\"hi\",\"rid\":\"\"}}");
    }

    @Test
    void otherEventsKeepTextAndLabel() {
        assertThat(PushFrames.push(new CometEvent("msg", "ev", "{not json", -1, -1, true), World.PIPE))
                .isEqualTo("{\"t\":3,\"push\":{\"evt\":\"{not json\",\"event\":\"ev\"}}");
        assertThat(PushFrames.push(new CometEvent("track_x", "subscription", Map.of("user_id", 3), 1, -1, false), World.PIPE))
                .isEqualTo("{\"t\":3,\"push\":{\"evt\":{\"user_id\":3},\"event\":\"subscription\",\"rid\":\"track_x\"}}");
        assertThat(PushFrames.push(new CometEvent("web_x", "e", "t", 1, 9, false), World.PIPE)).contains("\"uid\":9");
    }

    @Test
    void parseNeedsAnObjectWithNumericT() throws Exception {
        assertThat(PushFrames.parse("{\"t\":2,\"join\":{\"rid\":\"r\"}}").get("t").asInt()).isEqualTo(2);
        assertThatThrownBy(() -> PushFrames.parse("[1]")).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> PushFrames.parse("{\"t\":\"1\"}")).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> PushFrames.parse("{")).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void downlinkControlFrames() {
        assertThat(PushFrames.heartbeat()).isEqualTo("{\"t\":0,\"hb\":{}}");
        assertThat(PushFrames.authAccepted(7)).isEqualTo("{\"t\":1,\"auth\":{\"uid\":7}}");
        assertThat(PushFrames.joined("r")).isEqualTo("{\"t\":2,\"join\":{\"rid\":\"r\"}}");
    }
}

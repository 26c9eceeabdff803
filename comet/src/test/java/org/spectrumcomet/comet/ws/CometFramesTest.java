package org.spectrumcomet.comet.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.comet.engine.CometEvent;

class CometFramesTest {

    private final CometFrames v4 = new CometFrames(4);

    @Test
    void pipeMessageHasCppCometKeysInOrder() {
        String frame = v4.event(new CometEvent("p10", "ev1", "hello \"p10\" \\ 😀", 1795394029, -1, false));
        assertThat(frame).isEqualTo("{\"data\":\"hello \\\"p10\\\" \\\\ 😀\",\"event\":\"ev1\","
                + "\"message_send_time\":1795394029,\"pipe\":\"p10\"}");
    }

    @Test
    void queuedPrivateMessageAndPresence() {
        assertThat(v4.event(new CometEvent("msg", "queued_ev", "sent while offline", 1795394029, -1, true)))
                .isEqualTo("{\"data\":\"sent while offline\",\"event\":\"queued_ev\",\"fromQueue\":true,"
                        + "\"message_send_time\":1795394029,\"pipe\":\"msg\"}");
        assertThat(v4.event(new CometEvent("user_status_7", "online", "online", -1, -1, false)))
                .isEqualTo("{\"data\":\"online\",\"event\":\"online\",\"pipe\":\"user_status_7\"}");
    }

    @Test
    void webPipeFrameCarriesSender() {
        assertThat(v4.event(new CometEvent("web_chat", "e", "x", 5, 4, false)))
                .isEqualTo("{\"data\":\"x\",\"event\":\"e\",\"message_send_time\":5,\"pipe\":\"web_chat\",\"user_id\":4}");
    }

    @Test
    void errorFrameShape() {
        assertThat(v4.error(403, "Channel name is too long", false))
                .matches("\\{\"data\":\\{\"code\":\"403\",\"error\":\"Channel name is too long\"},\"event\":\"error\","
                        + "\"message_send_time\":\\d+,\"pipe\":\"sys\"}");
        assertThat(v4.error(401, "session ID not found", true)).contains("\"error\":\"401\"");
    }

    @Test
    void answerWithArrayDataAndMarker() {
        assertThat(v4.answer("_answer_pipe_count", "user_in_pipe", List.of("user_in_pipe", 2), "m"))
                .contains("\"data\":[\"user_in_pipe\",2]", "\"marker\":\"m\"");
    }

    @Test
    void oldClientsGetEventNameApiDataAndStringData() {
        CometFrames v3 = new CometFrames(3);
        String frame = v3.event(new CometEvent("track_x", "subscription", Map.of("user_id", 7), 9, -1, false));
        assertThat(frame).contains("\"event_name\":\"subscription\"", "\"api_data\":\"for major_version < 4\"",
                "\"data\":\"{\\\"user_id\\\":7}\"");
        assertThat(v3.event(new CometEvent("msg", "e", Map.of("a", 1), -1, -1, false))).contains("\"data\":{\"a\":1}");
    }
}

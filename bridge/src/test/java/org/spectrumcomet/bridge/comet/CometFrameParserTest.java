package org.spectrumcomet.bridge.comet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Frames as CppComet sends them (spec §I.4.5 examples). */
class CometFrameParserTest {

    private static CometEvent one(String frame) {
        List<CometEvent> events = CometFrameParser.parse(frame);
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    @Test
    void serverInfo() {
        assertThat(one("{\"authorized\":false,\"data\":\"\",\"event\":\"serverInfo\",\"message_send_time\":1795394028,"
                + "\"pipe\":\"sys\",\"server\":\"CppComet community 4.09 (AGPL license)\"}"))
                .isEqualTo(new CometEvent.ServerInfo(false, "CppComet community 4.09 (AGPL license)", ""));
        assertThat(one("{\"authorized\":true,\"data\":\"hash7\",\"event\":\"serverInfo\",\"pipe\":\"sys\",\"server\":\"x\"}"))
                .isEqualTo(new CometEvent.ServerInfo(true, "x", "hash7"));
    }

    @Test
    void pipeMessageFromCometQlCarriesItsBodyAsAString() {
        CometEvent e = one("{\"data\":\"{\\\"from\\\":\\\"42\\\",\\\"text\\\":\\\"it\\\\u0027s\\\"}\",\"event\":\"message\","
                + "\"message_send_time\":1795394029,\"pipe\":\"room1\"}");
        assertThat(e).isInstanceOf(CometEvent.PipeMessage.class);
        CometEvent.PipeMessage m = (CometEvent.PipeMessage) e;
        assertThat(m.pipe()).isEqualTo("room1");
        assertThat(m.sentAt()).isEqualTo(1795394029L);
        assertThat(m.body().text()).isEqualTo("it's");
        assertThat(m.body().from()).isEqualTo("42");
        assertThat(m.rawData()).isEqualTo("{\"from\":\"42\",\"text\":\"it\\u0027s\"}");
    }

    @Test
    void privateMessagesLiveAndQueued() {
        assertThat(one("{\"data\":\"private hello to 7\",\"event\":\"ev_private\",\"pipe\":\"msg\"}"))
                .isEqualTo(new CometEvent.PrivateMessage("ev_private", "private hello to 7", 0, false));
        assertThat(((CometEvent.PrivateMessage) one("{\"data\":\"hi\",\"event\":\"e\",\"pipe\":\"msg\"}")).body())
                .isEqualTo(CometBody.plain("hi"));
        CometEvent.PrivateMessage q = (CometEvent.PrivateMessage) one("{\"data\":\"sent while offline\","
                + "\"event\":\"queued_ev\",\"fromQueue\":true,\"message_send_time\":1795394029,\"pipe\":\"msg\"}");
        assertThat(q.fromQueue()).isTrue();
        assertThat(q.sentAt()).isEqualTo(1795394029L);
    }

    @Test
    void presenceTrackAndErrors() {
        assertThat(one("{\"data\":\"online\",\"event\":\"online\",\"pipe\":\"user_status_7\"}"))
                .isEqualTo(new CometEvent.Presence(7, true));
        assertThat(one("{\"data\":\"offline\",\"event\":\"offline\",\"pipe\":\"user_status_7\"}"))
                .isEqualTo(new CometEvent.Presence(7, false));
        assertThat(one("{\"data\":{\"user_id\":7,\"uuid\":\"Buuid\"},\"event\":\"subscription\","
                + "\"message_send_time\":1795394030,\"pipe\":\"track_online\"}"))
                .isEqualTo(new CometEvent.TrackChange("track_online", true, 7, "Buuid"));
        assertThat(one("{\"data\":{\"code\":\"403\",\"error\":\"Channel name is too long\"},\"event\":\"error\","
                + "\"message_send_time\":1795394076,\"pipe\":\"sys\"}"))
                .isEqualTo(new CometEvent.ServerError("403", "Channel name is too long"));
        assertThat(one("{\"data\":[\"user_in_pipe\",3],\"event\":\"user_in_pipe\",\"marker\":\"m1\","
                + "\"pipe\":\"_answer_pipe_count\"}")).isInstanceOf(CometEvent.Answer.class);
    }

    @Test
    void aBrowserMessageWithSqlEscapesIsStripped() {
        // web_pipe2 text is SQL-escaped by CppComet before relaying.
        CometEvent.PipeMessage m = (CometEvent.PipeMessage) one("{\"data\":\"{\\\\\\\"text\\\\\\\":\\\\\\\"hi\\\\\\\"}\","
                + "\"event\":\"chat\",\"pipe\":\"web_room\",\"user_id\":9}");
        assertThat(m.body().text()).isEqualTo("hi");
        assertThat(m.senderId()).isEqualTo(9);
    }

    @Test
    void severalObjectsInOneFrameAndGarbage() {
        assertThat(CometFrameParser.parse("{\"pipe\":\"msg\",\"event\":\"a\",\"data\":\"1\"}\n"
                + "{\"pipe\":\"msg\",\"event\":\"b\",\"data\":\"2\"}")).hasSize(2);
        assertThat(one("not json")).isInstanceOf(CometEvent.Unparsed.class);
        assertThat(one("")).isInstanceOf(CometEvent.Unparsed.class);
        assertThat(one("[1,2]")).isInstanceOf(CometEvent.Unparsed.class);
        assertThat(one("{\"event\":\"x\"}")).isInstanceOf(CometEvent.Unparsed.class);
    }
}

package org.spectrumcomet.comet.engine.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.comet.engine.CometEvent;

class EnvelopeCodecTest {

    @Test
    void aTextFrameTravelsUnchanged() {
        CometEvent frame = new CometEvent("web_room", "chat", "{\"not\":\"parsed\"} \\' ü", 1700000000L, 42, false);
        Envelope back = EnvelopeCodec.decode(EnvelopeCodec.encode(Envelope.frame("node-a", 7, frame)));
        assertThat(back).isEqualTo(Envelope.frame("node-a", 7, frame));
        assertThat(back.excludes("node-a", 7)).isTrue();
        assertThat(back.excludes("node-b", 7)).as("same session id on another node").isFalse();
    }

    @Test
    void aStructureStaysAStructureAndACloseHasNoFrame() {
        Map<String, Object> who = new LinkedHashMap<>();
        who.put("user_id", 5);
        who.put("uuid", "abc");
        CometEvent frame = new CometEvent("track_x", "subscription", who, 1, -1, true);
        assertThat(EnvelopeCodec.decode(EnvelopeCodec.encode(Envelope.frame("n", -1, frame))).frame()).isEqualTo(frame);
        Envelope close = EnvelopeCodec.decode(EnvelopeCodec.encode(Envelope.close("n")));
        assertThat(close.kind()).isEqualTo(Envelope.CLOSE);
        assertThat(close.frame()).isNull();
    }

    @Test
    void recipientsAddedAfterANewlineChooseTheConnections() {
        CometEvent frame = new CometEvent("msg", "e", "multi\nline", -1, -1, false);
        String sent = EnvelopeCodec.encode(Envelope.frame("a", -1, frame)) + "\n" + "a/1,b/7";
        Envelope got = EnvelopeCodec.decode(sent);
        assertThat(got.frame()).isEqualTo(frame);
        assertThat(got.chose("a", 1)).isTrue();
        assertThat(got.chose("b", 7)).isTrue();
        assertThat(got.chose("a", 7)).isFalse();
        assertThat(EnvelopeCodec.decode(EnvelopeCodec.encode(Envelope.frame("a", -1, frame))).chose("z", 9))
                .as("no list: everyone").isTrue();
    }

    @Test
    void foreignTextOnAChannelIsRefused() {
        assertThatThrownBy(() -> EnvelopeCodec.decode("hello")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EnvelopeCodec.decode("{\"k\":1}")).isInstanceOf(IllegalArgumentException.class);
    }
}

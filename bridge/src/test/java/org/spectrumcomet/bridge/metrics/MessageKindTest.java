package org.spectrumcomet.bridge.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.spectrumcomet.bridge.comet.CometBody.Kind;

class MessageKindTest {

    @Test
    void privateBodies() {
        assertThat(MessageKind.ofPrivate(Kind.TEXT)).isEqualTo(MessageKind.CHAT);
        assertThat(MessageKind.ofPrivate(Kind.PAUSED)).isEqualTo(MessageKind.TYPING);
        assertThat(MessageKind.ofPrivate(Kind.STOPPED)).isEqualTo(MessageKind.TYPING);
        assertThat(MessageKind.ofPrivate(Kind.ATTENTION)).isEqualTo(MessageKind.ATTENTION);
        assertThat(MessageKind.ofPrivate(Kind.RECEIPT)).isEqualTo(MessageKind.RECEIPT);
        assertThat(MessageKind.ofPrivate(Kind.OTHER).label()).isEqualTo("other");
    }

    @Test
    void pipeBodies() {
        assertThat(MessageKind.ofPipe("web_room", Kind.TEXT)).isEqualTo(MessageKind.ROOM);
        assertThat(MessageKind.ofPipe("web_room", Kind.SUBJECT)).isEqualTo(MessageKind.SUBJECT);
        assertThat(MessageKind.ofPipe("user_status_42", Kind.TEXT)).isEqualTo(MessageKind.STATUS);
    }
}

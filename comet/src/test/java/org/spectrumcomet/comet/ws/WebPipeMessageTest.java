package org.spectrumcomet.comet.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WebPipeMessageTest {

    @Test
    void keepsTheTextExactlyIncludingNewlines() throws Exception {
        WebPipeMessage m = WebPipeMessage.parse("web_chat\nmy_event\n*\n{\"a\":\"it's \\\"x\\\"\"}\nline2", false);
        assertThat(m).isEqualTo(new WebPipeMessage("web_chat", "web_chat", "my_event",
                "{\"a\":\"it's \\\"x\\\"\"}\nline2", false));
    }

    @Test
    void atPipeIsPublishedWithoutSender() throws Exception {
        WebPipeMessage m = WebPipeMessage.parse("@web_news\nev\n*\nhi", false);
        assertThat(m.pipe()).isEqualTo("web_news");
        assertThat(m.requested()).isEqualTo("@web_news");
        assertThat(m.anonymousSender()).isTrue();
    }

    @Test
    void webauthNeedsAnAuthorisedSender() throws Exception {
        assertThatThrownBy(() -> WebPipeMessage.parse("webauth_x\nev\n*\nhi", false)).hasMessageContaining("authorised");
        assertThat(WebPipeMessage.parse("webauth_x\nev\n*\nhi", true).pipe()).isEqualTo("webauth_x");
    }

    @Test
    void refusesBadShapes() {
        assertThatThrownBy(() -> WebPipeMessage.parse("chat\nev\n*\nhi", true)).hasMessage(WebPipeMessage.INVALID_PIPE);
        assertThatThrownBy(() -> WebPipeMessage.parse("web_a.b\nev\n*\nhi", true)).hasMessageContaining("Invalid channel");
        assertThatThrownBy(() -> WebPipeMessage.parse("web_a\nbad event\n*\nhi", true)).hasMessageContaining("event");
        assertThatThrownBy(() -> WebPipeMessage.parse("web_a\nev\n**\nhi", true)).hasMessageContaining("one character");
        assertThatThrownBy(() -> WebPipeMessage.parse("web_a\nev", true)).hasMessageContaining("four lines");
    }
}

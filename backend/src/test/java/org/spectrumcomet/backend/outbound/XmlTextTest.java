package org.spectrumcomet.backend.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XmlTextTest {

    @Test
    void keepsCleanTextAsIs() {
        String s = "héllo\tworld\r\n😀 ok";
        assertThat(XmlText.clean(s)).isSameAs(s);
    }

    @Test
    void stripsC0ControlsButTabLfCr() {
        assertThat(XmlText.clean("a\u0000b\u0001c\u0008d\u000Be\u001Ff\tg\nh\ri")).isEqualTo("abcdef\tg\nh\ri");
    }

    @Test
    void stripsNonCharactersFffeFfff() {
        assertThat(XmlText.clean("x\uFFFEy\uFFFFz\uFFFD")).isEqualTo("xyz\uFFFD");
    }

    @Test
    void stripsLoneSurrogatesKeepsPairs() {
        assertThat(XmlText.clean("a\uD83Db")).isEqualTo("ab");
        assertThat(XmlText.clean("a\uDE00b")).isEqualTo("ab");
        assertThat(XmlText.clean("\uDE00\uD83D")).isEmpty();
        assertThat(XmlText.clean("\uD83D\uDE00\uD83D")).isEqualTo("\uD83D\uDE00");
    }

    @Test
    void nullIsEmpty() {
        assertThat(XmlText.clean(null)).isEmpty();
    }
}

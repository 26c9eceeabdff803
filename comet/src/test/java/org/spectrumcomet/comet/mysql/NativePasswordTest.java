package org.spectrumcomet.comet.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class NativePasswordTest {

    @RepeatedTest(20)
    void saltIsTwentyPrintableBytesWithoutQuotes() {
        byte[] salt = NativePassword.newSalt();
        assertThat(salt).hasSize(20);
        for (byte b : salt) {
            assertThat(b).isBetween((byte) 0x21, (byte) 0x7E).isNotIn((byte) '\'', (byte) '"', (byte) '\\');
        }
    }

    @Test
    void scrambleMatchesOnlyTheRightPasswordAndSalt() {
        byte[] salt = NativePassword.newSalt();
        byte[] response = NativePassword.scramble("secret", salt);
        assertThat(response).hasSize(20);
        assertThat(NativePassword.matches("secret", salt, response)).isTrue();
        assertThat(NativePassword.matches("Secret", salt, response)).isFalse();
        assertThat(NativePassword.matches("secret", NativePassword.newSalt(), response)).isFalse();
        assertThat(NativePassword.matches("secret", salt, new byte[0])).isFalse();
    }

    @Test
    void anEmptyPasswordIsAnEmptyResponse() {
        assertThat(NativePassword.matches("", NativePassword.newSalt(), new byte[0])).isTrue();
    }
}

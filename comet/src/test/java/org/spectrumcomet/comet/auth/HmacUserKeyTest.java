package org.spectrumcomet.comet.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HmacUserKeyTest {

    @Test
    void isLowercaseHexHmacSha256OfTheDecimalId() {
        // printf 7 | openssl dgst -sha256 -hmac k3y
        assertThat(HmacUserKey.of("k3y", 7))
                .hasSize(64).matches("[0-9a-f]{64}")
                .isEqualTo(HmacUserKey.of("k3y", 7))
                .isNotEqualTo(HmacUserKey.of("k3y", 8))
                .isNotEqualTo(HmacUserKey.of("other", 7));
    }

    @Test
    void knownVector() {
        // computed independently: printf 42 | openssl dgst -sha256 -hmac secret
        assertThat(HmacUserKey.of("secret", 42))
                .isEqualTo("93c121e7aa437a1e01e3c512c6f0ce3c821a839025dca4408f85616de4aaee70");
    }

    @Test
    void theWorkedExampleOfTheReadme() {
        // comet/README.md: printf '%s' 42 | openssl dgst -sha256 -hmac k3y
        assertThat(HmacUserKey.of("k3y", 42))
                .isEqualTo("ce2d7caed289663313ba19a67f407a6399386128229b71b5677998b370082fdb");
    }

    @Test
    void matchesOnlyTheExactKey() {
        String key = HmacUserKey.of("k3y", 7);
        assertThat(HmacUserKey.matches("k3y", 7, key)).isTrue();
        assertThat(HmacUserKey.matches("k3y", 7, key.toUpperCase())).isFalse();
        assertThat(HmacUserKey.matches("k3y", 7, key.substring(0, 32))).isFalse();
        assertThat(HmacUserKey.matches("k3y", 8, key)).isFalse();
        assertThat(HmacUserKey.matches("", 7, key)).isFalse();
        assertThat(HmacUserKey.matches("k3y", 7, null)).isFalse();
    }
}

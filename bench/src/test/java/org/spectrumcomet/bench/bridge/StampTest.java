package org.spectrumcomet.bench.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StampTest {

    @Test
    void theIntendedTimeSurvivesInsideABody() {
        String text = Stamp.text(123456789L);

        assertThat(text).hasSize(Stamp.LENGTH);
        assertThat(Stamp.intendedNanos("{\"from\":\"7\",\"text\":\"" + text + "\",\"id\":\"m1\"}")).isEqualTo(123456789L);
    }

    @Test
    void textWithoutAStampHasNone() {
        assertThat(Stamp.intendedNanos("serverInfo {\"authorized\":true}")).isEqualTo(Long.MIN_VALUE);
    }
}

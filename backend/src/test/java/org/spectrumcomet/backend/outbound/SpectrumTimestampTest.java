package org.spectrumcomet.backend.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SpectrumTimestampTest {

    @Test
    void formatsUtcBasicIso() {
        assertThat(SpectrumTimestamp.format(Instant.parse("2024-01-31T10:15:00Z"))).isEqualTo("20240131T101500");
    }

    @Test
    void truncatesFractionsAndIgnoresTheDefaultZone() {
        assertThat(SpectrumTimestamp.format(Instant.parse("1999-12-31T23:59:59.999Z"))).isEqualTo("19991231T235959");
        assertThat(SpectrumTimestamp.format(Instant.ofEpochSecond(0))).isEqualTo("19700101T000000");
    }

    @Test
    void alwaysFifteenCharactersInTheSameShape() {
        String s = SpectrumTimestamp.format(Instant.now());
        assertThat(s).matches("\\d{8}T\\d{6}");
    }

    @Test
    void refusesYearsBoostCannotHold() {
        assertThatThrownBy(() -> SpectrumTimestamp.format(Instant.parse("+10000-01-01T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SpectrumTimestamp.format(Instant.parse("1000-01-01T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

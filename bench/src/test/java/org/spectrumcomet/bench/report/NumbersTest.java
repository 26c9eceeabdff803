package org.spectrumcomet.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void formatsBySize() {
        assertThat(Numbers.format(1234567L)).isEqualTo("1,234,567");
        assertThat(Numbers.format(1234.5)).isEqualTo("1,235");
        assertThat(Numbers.format(12.345)).isEqualTo("12.3");
        assertThat(Numbers.format(0.12345)).isEqualTo("0.123");
        assertThat(Numbers.format(Double.NaN)).isEqualTo("–");
    }

    @Test
    void ratiosAndParsingRoundTrip() {
        assertThat(Numbers.ratio(3, 2)).isEqualTo("1.50×");
        assertThat(Numbers.ratio(3, 0)).isEqualTo("–");
        assertThat(Numbers.parse("1.50×")).isEqualTo(1.5);
        assertThat(Numbers.parse("1,234,567")).isEqualTo(1234567.0);
    }
}

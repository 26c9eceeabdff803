package org.spectrumcomet.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RepeatsTest {

    @Test
    void minMedianMaxOfAnOddCount() {
        Repeats r = Repeats.of(5, 1, 3);

        assertThat(r).isEqualTo(new Repeats(1, 3, 5, 3));
        assertThat(r.cell()).isEqualTo("3.000 (1.000–5.000)");
    }

    @Test
    void medianOfAnEvenCountIsTheMiddleMean() {
        assertThat(Repeats.of(4, 1, 2, 3).median()).isEqualTo(2.5);
    }

    @Test
    void refusesNoValues() {
        assertThatThrownBy(Repeats::of).isInstanceOf(IllegalArgumentException.class);
    }
}

package org.spectrumcomet.soak;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FlatRuleTest {

    private static final long MIB = 1024 * 1024;

    @Test
    void heapIsFlatUpToHalfAgainPlusSixteenMebibytes() {
        assertThat(FlatRule.HEAP.flat(20 * MIB, 46 * MIB)).isTrue();
        assertThat(FlatRule.HEAP.flat(20 * MIB, 46 * MIB + 1)).isFalse();
        assertThat(FlatRule.HEAP.describe()).isEqualTo("end ≤ start × 1.5 + 16 MiB");
    }

    @Test
    void descriptorsAreFlatUpToTenPercentPlusThirtyTwo() {
        assertThat(FlatRule.FDS.flat(1000, 1132)).isTrue();
        assertThat(FlatRule.FDS.flat(1000, 1133)).isFalse();
    }

    @Test
    void anUnreadableSampleIsNeverFlat() {
        assertThat(FlatRule.HEAP.flat(-1, 0)).isFalse();
        assertThat(FlatRule.FDS.flat(10, -1)).isFalse();
    }
}

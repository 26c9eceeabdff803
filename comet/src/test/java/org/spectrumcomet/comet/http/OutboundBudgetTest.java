package org.spectrumcomet.comet.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutboundBudgetTest {

    @Test
    void refusesWhatDoesNotFitUntilReleased() {
        OutboundBudget budget = new OutboundBudget(100);
        assertThat(budget.reserve(60)).isTrue();
        assertThat(budget.reserve(41)).isFalse();
        assertThat(budget.reserve(40)).isTrue();
        assertThat(budget.queued()).isEqualTo(100);
        budget.release(60);
        assertThat(budget.reserve(41)).isTrue();
    }

    @Test
    void defaultBoundIsFourMebibytes() {
        assertThat(OutboundBudget.MAX_QUEUED_BYTES).isEqualTo(4 * 1024 * 1024);
    }
}

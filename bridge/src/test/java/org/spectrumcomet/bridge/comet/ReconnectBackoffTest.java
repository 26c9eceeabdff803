package org.spectrumcomet.bridge.comet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReconnectBackoffTest {

    @Test
    void delaysDoubleWithJitterUpToTheCapAndResetAfterSuccess() {
        ReconnectBackoff b = new ReconnectBackoff(Duration.ofMillis(100), Duration.ofMillis(1000), new Random(1));
        long[] ceilings = {100, 200, 400, 800, 1000, 1000, 1000};
        for (long ceiling : ceilings) {
            long d = b.next().toMillis();
            assertThat(d).isBetween(ceiling / 2, ceiling);
        }
        b.reset();
        assertThat(b.next().toMillis()).isBetween(50L, 100L);
    }

    @Test
    void jitterSpreadsTheDelays() {
        ReconnectBackoff b = new ReconnectBackoff(Duration.ofSeconds(10), Duration.ofSeconds(10), new Random(2));
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (int i = 0; i < 20; i++) {
            seen.add(b.next().toMillis());
        }
        assertThat(seen.size()).isGreaterThan(10);
    }
}

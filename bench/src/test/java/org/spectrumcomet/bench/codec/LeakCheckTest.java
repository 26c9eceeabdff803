package org.spectrumcomet.bench.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The leak check can fail: a buffer dropped on purpose is counted (the clean run is CodecBenchTest's). */
class LeakCheckTest {

    @Test
    void countsABufferDroppedWithoutRelease() throws Exception {
        assertThat(LeakCheck.runForked(100, true)).isPositive();
    }
}

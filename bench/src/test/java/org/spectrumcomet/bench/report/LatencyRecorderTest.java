package org.spectrumcomet.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

    @Test
    void percentilesOfRecordedValues() {
        LatencyRecorder recorder = new LatencyRecorder();
        for (int i = 1; i <= 1000; i++) {
            recorder.recordNanos(i * 1000L);
        }

        LatencyRecorder.Percentiles p = recorder.snapshot();

        assertThat(p.count()).isEqualTo(1000);
        assertThat((double) p.p50()).isCloseTo(500_000, within(1_000.0));
        assertThat((double) p.p99()).isCloseTo(990_000, within(1_000.0));
        assertThat((double) p.max()).isCloseTo(1_000_000, within(1_000.0));
        assertThat(p.maxMillis()).isCloseTo(1.0, within(0.01));
    }

    @Test
    void recordsFromTheIntendedSendTimeAndResetsOnWarmUp() {
        LatencyRecorder recorder = new LatencyRecorder();
        recorder.recordNanos(123);
        recorder.reset();
        recorder.recordSince(1_000, 5_001_000);

        LatencyRecorder.Percentiles p = recorder.snapshot();

        assertThat(p.count()).isEqualTo(1);
        assertThat(p.p50Millis()).isCloseTo(5.0, within(0.01));
        assertThat(recorder.snapshot().count()).isZero();
    }
}

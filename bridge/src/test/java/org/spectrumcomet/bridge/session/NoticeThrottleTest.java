package org.spectrumcomet.bridge.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NoticeThrottleTest {

    private static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void aBurstGoesOutThenTheRestIsCountedAndSummedUp() {
        NoticeThrottle throttle = new NoticeThrottle(2, Duration.ofSeconds(1));
        assertThat(throttle.admit(T0)).isTrue();
        assertThat(throttle.admit(T0.plusMillis(10))).isTrue();
        assertThat(throttle.admit(T0.plusMillis(20))).isFalse();
        assertThat(throttle.firstSuppressed()).isTrue();
        assertThat(throttle.admit(T0.plusMillis(30))).isFalse();
        assertThat(throttle.firstSuppressed()).isFalse();

        assertThat(throttle.takeSummary()).startsWith("2 more notices");
        assertThat(throttle.takeSummary()).isNull();
    }

    @Test
    void aNewWindowAdmitsAgain() {
        NoticeThrottle throttle = new NoticeThrottle(1, Duration.ofSeconds(1));
        assertThat(throttle.admit(T0)).isTrue();
        assertThat(throttle.admit(T0.plusMillis(999))).isFalse();
        assertThat(throttle.admit(T0.plusSeconds(1))).isTrue();
    }
}

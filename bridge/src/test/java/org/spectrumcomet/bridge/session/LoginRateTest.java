package org.spectrumcomet.bridge.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LoginRateTest {

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        private long millis = 1_000_000;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }

    @Test
    void allowsABurstOfTwiceTheRateThenTheRate() {
        HandClock clock = new HandClock();
        LoginRate rate = new LoginRate(5, clock);
        assertThat(IntStream.range(0, 30).filter(i -> rate.tryAcquire()).count()).isEqualTo(10);
        clock.millis += 1000;
        assertThat(IntStream.range(0, 30).filter(i -> rate.tryAcquire()).count()).isEqualTo(5);
        clock.millis += 200;
        assertThat(rate.tryAcquire()).isTrue();
        assertThat(rate.tryAcquire()).isFalse();
        clock.millis += 60_000;
        assertThat(IntStream.range(0, 30).filter(i -> rate.tryAcquire()).count()).as("refilled to the burst only")
                .isEqualTo(10);
    }

    @Test
    void zeroIsUnlimited() {
        LoginRate rate = new LoginRate(0, new HandClock());
        assertThat(IntStream.range(0, 10_000).allMatch(i -> rate.tryAcquire())).isTrue();
    }
}

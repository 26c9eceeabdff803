package org.spectrumcomet.bridge.comet;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Capped exponential backoff with jitter: attempt n waits a random time in
 * [d/2, d] where d = min(max, min·2ⁿ), so a comet restart is not met by every user's socket
 * reconnecting in the same millisecond.
 */
public final class ReconnectBackoff {

    private final long minMillis;
    private final long maxMillis;
    private final RandomGenerator random;
    private int attempt;

    public ReconnectBackoff(Duration min, Duration max, RandomGenerator random) {
        this.minMillis = Math.max(1, min.toMillis());
        this.maxMillis = Math.max(minMillis, max.toMillis());
        this.random = random;
    }

    /** The delay before the next attempt; each call counts as one more failed attempt. */
    public Duration next() {
        long d = minMillis;
        for (int i = 0; i < attempt && d < maxMillis; i++) {
            d *= 2;
        }
        d = Math.min(d, maxMillis);
        attempt++;
        return Duration.ofMillis(d / 2 + random.nextLong(d / 2 + 1));
    }

    /** After a successful login: the next failure starts from {@code min} again. */
    public void reset() {
        attempt = 0;
    }
}

package org.spectrumcomet.demo;

import java.time.Duration;

/**
 * The demo's overall time bound: every wait takes at most one step's allowance and never goes
 * past the end, so a stuck step fails the demo in bounded time instead of hanging it.
 */
final class Deadline {

    private final long endNanos;
    private final Duration total;

    private Deadline(Duration total) {
        this.total = total;
        this.endNanos = System.nanoTime() + total.toNanos();
    }

    static Deadline after(Duration total) {
        if (total.isNegative() || total.isZero()) {
            throw new IllegalArgumentException("the demo's time limit must be positive: " + total);
        }
        return new Deadline(total);
    }

    /** How long the next wait may take: {@code step}, cut to what is left; fails once nothing is left. */
    Duration next(Duration step) throws DemoFailure {
        long left = endNanos - System.nanoTime();
        if (left <= 0) {
            throw new DemoFailure("the demo's time limit of " + total.toSeconds() + " s is used up");
        }
        return Duration.ofNanos(Math.min(left, step.toNanos()));
    }

    Duration total() {
        return total;
    }
}

package org.spectrumcomet.comet.engine.redis;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for something that happens on another node: poll with a deadline, never a fixed sleep. */
final class Poll {

    static final Duration WAIT = Duration.ofSeconds(5);
    /** How long "nothing more arrives" is watched for. */
    static final Duration QUIET = Duration.ofMillis(200);

    private Poll() {
    }

    static void until(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + WAIT);
            }
            Thread.sleep(5);
        }
    }

    static void quiet() throws InterruptedException {
        Thread.sleep(QUIET.toMillis());
    }
}

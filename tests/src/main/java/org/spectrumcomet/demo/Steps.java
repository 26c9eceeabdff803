package org.spectrumcomet.demo;

import java.time.Duration;

/**
 * What every part of the demo's story shares: the transcript, the overall deadline and the name
 * of the step running now, which a failure report names.
 */
final class Steps {

    /** The longest one step may wait (within the overall deadline). */
    static final Duration STEP = Duration.ofSeconds(15);

    final Transcript transcript;
    private final Deadline deadline;
    private volatile String current = "start";

    Steps(Transcript transcript, Deadline deadline) {
        this.transcript = transcript;
        this.deadline = deadline;
    }

    void begin(String step) {
        current = step;
    }

    /** The step running now (or the one that failed). */
    String current() {
        return current;
    }

    /** How long the current step may still wait. */
    Duration allowance() throws DemoFailure {
        return deadline.next(STEP);
    }

    /** One transcript line. */
    void line(String who, String text) {
        transcript.line(who, text);
    }

    /** Polls {@code users_in_pipes} until {@code userId} is there: a subscription has no answer on success. */
    void awaitSubscribed(SiteServer site, String pipe, long userId) throws DemoFailure {
        Duration wait = allowance();
        long end = System.nanoTime() + wait.toNanos();
        while (!site.subscribers(pipe).contains(userId)) {
            if (System.nanoTime() > end) {
                throw new DemoFailure("user " + userId + " is not subscribed to " + pipe + " after " + wait.toMillis()
                        + " ms");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DemoFailure("interrupted", e);
            }
        }
    }
}

package org.spectrumcomet.bridge.session;

import java.time.Duration;

/** Delayed work for sessions (login timeout, grace period, presence polls); a fake in tests. */
public interface SessionTimer {

    /** Runs {@code task} once after {@code delay} (on a timer thread: hand work to the session). */
    Cancellable schedule(Duration delay, Runnable task);

    /** A scheduled task that may still be called off. */
    interface Cancellable {
        void cancel();
    }
}

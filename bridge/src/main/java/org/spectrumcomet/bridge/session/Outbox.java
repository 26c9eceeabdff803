package org.spectrumcomet.bridge.session;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One user's comet sends, one at a time in the order the user made them: the CometQL pool has
 * several connections, and without this a typing notice could overtake the message it belongs to.
 * Other users are not affected by a slow send. At most {@code bound} sends wait; a send beyond
 * that fails at once with {@link RejectedExecutionException} (the caller tells the user). A send
 * that has not completed after {@code timeout} counts as failed, so a hung statement cannot stall
 * the user's later sends. Used only from the session's serial executor.
 */
public final class Outbox {

    private final Executor session;
    private final int bound;
    private final Duration timeout;
    private CompletableFuture<?> tail = CompletableFuture.completedFuture(null);
    // written on the session's executor only; volatile so that metrics can read it from their thread
    private volatile int pending;

    public Outbox(Executor session, int bound, Duration timeout) {
        this.session = session;
        this.bound = bound;
        this.timeout = timeout;
    }

    /** Sends accepted and not yet completed (for metrics). */
    public int pending() {
        return pending;
    }

    /**
     * Runs {@code send} after every earlier send has completed; the returned future completes on
     * the session's executor.
     */
    public <T> CompletableFuture<T> enqueue(Supplier<CompletableFuture<T>> send) {
        if (pending >= bound) {
            return CompletableFuture.failedFuture(
                    new RejectedExecutionException("too many messages waiting for comet (" + bound + ")"));
        }
        pending++;
        // Nothing waiting: start now — we are on the session's executor already, and a hop
        // through it would only add a thread wake-up to every message.
        CompletableFuture<T> step = tail.isDone() ? start(send)
                : tail.handle((ignored, error) -> null).thenComposeAsync(ignored -> start(send), session);
        tail = step;
        return step.whenCompleteAsync((value, error) -> pending--, session);
    }

    private <T> CompletableFuture<T> start(Supplier<CompletableFuture<T>> send) {
        try {
            return send.get().toCompletableFuture().copy().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}

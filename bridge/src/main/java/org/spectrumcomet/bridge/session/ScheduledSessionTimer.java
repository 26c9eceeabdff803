package org.spectrumcomet.bridge.session;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** {@link SessionTimer} on a scheduled executor (one daemon thread is plenty: tasks only hand over work). */
public final class ScheduledSessionTimer implements SessionTimer {

    private final ScheduledExecutorService scheduler;

    public ScheduledSessionTimer(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        var future = scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }
}

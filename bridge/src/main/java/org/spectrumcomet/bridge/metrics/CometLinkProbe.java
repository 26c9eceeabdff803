package org.spectrumcomet.bridge.metrics;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.spectrumcomet.bridge.session.CometNetwork;

/**
 * Keeps the CometQL half of the {@link CometLinkState} current when no user sends anything: every
 * {@code interval}, if no CometQL statement completed during the last one, it asks comet for one
 * user's {@code users_time} (id 1, a read that changes nothing) through the metered network, whose
 * outcome the link state sees like any other. With traffic it never sends anything.
 */
public final class CometLinkProbe implements AutoCloseable {

    /** How often the probe looks, and how long CometQL may be silent before it asks. */
    public static final Duration INTERVAL = Duration.ofSeconds(10);
    private static final long PROBE_USER = 1;

    private final CometNetwork network;
    private final CometLinkState link;
    private final long intervalNanos;
    private final ScheduledFuture<?> task;

    private CometLinkProbe(CometNetwork metered, CometLinkState link, ScheduledExecutorService timer, Duration interval) {
        this.network = metered;
        this.link = link;
        this.intervalNanos = interval.toNanos();
        this.task = timer.scheduleWithFixedDelay(this::probeIfIdle, intervalNanos, intervalNanos, TimeUnit.NANOSECONDS);
    }

    /**
     * Starts probing on {@code timer} (which only schedules; the statement runs on the comet client's
     * threads); stops with {@link #close} or when the timer shuts down.
     */
    public static CometLinkProbe start(CometNetwork metered, CometLinkState link, ScheduledExecutorService timer,
                                       Duration interval) {
        return new CometLinkProbe(metered, link, timer, interval);
    }

    private void probeIfIdle() {
        if (System.nanoTime() - link.lastCometqlOutcome() >= intervalNanos) {
            // the outcome reaches the link state through the metered network; nothing to do here
            network.lastOnline(List.of(PROBE_USER));
        }
    }

    @Override
    public void close() {
        task.cancel(false);
    }
}

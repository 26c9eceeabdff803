package org.spectrumcomet.bridge.session;

import java.time.Clock;
import java.util.concurrent.Executor;
import org.spectrumcomet.backend.outbound.MainInstance;
import org.spectrumcomet.bridge.config.CometSettings;
import org.spectrumcomet.bridge.metrics.BridgeMeters;

/**
 * What every session shares: the main instance, the comet network, the settings, a timer, a clock,
 * the pool that runs the sessions' {@link SerialExecutor}s, and the message counters.
 */
public record SessionServices(MainInstance main, CometNetwork network, CometSettings settings, SessionTimer timer,
                              Clock clock, Executor pool, BridgeMeters meters) {

    /** Services whose message counters count nothing. */
    public SessionServices(MainInstance main, CometNetwork network, CometSettings settings, SessionTimer timer,
                           Clock clock, Executor pool) {
        this(main, network, settings, timer, clock, pool, BridgeMeters.none());
    }
}

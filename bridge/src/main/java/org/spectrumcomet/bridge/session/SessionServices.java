package org.spectrumcomet.bridge.session;

import java.time.Clock;
import java.util.concurrent.Executor;
import org.spectrumcomet.backend.outbound.MainInstance;
import org.spectrumcomet.bridge.config.CometSettings;

/**
 * What every session shares: the main instance, the comet network, the settings, a timer, a clock
 * and the pool that runs the sessions' {@link SerialExecutor}s.
 */
public record SessionServices(MainInstance main, CometNetwork network, CometSettings settings, SessionTimer timer,
                              Clock clock, Executor pool) {
}

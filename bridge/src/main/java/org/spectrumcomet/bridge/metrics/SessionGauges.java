package org.spectrumcomet.bridge.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.spectrumcomet.bridge.session.Sessions;
import org.spectrumcomet.bridge.session.UserSession;

/**
 * Gauges read from the live sessions at each scrape (one pass over them per gauge; nothing is
 * kept per user, and no label names a user):
 * <ul>
 *   <li>{@code spectrum_comet_bridge_sessions{state}}: sessions connecting, connected, or suspended
 *       (socket lost, in the grace period);</li>
 *   <li>{@code spectrum_comet_bridge_outbox_pending}: comet sends accepted and not yet completed, all users;</li>
 *   <li>{@code spectrum_comet_bridge_outbox_pending_max}: the most any one user has waiting.</li>
 * </ul>
 */
public final class SessionGauges {

    private SessionGauges() {
    }

    public static void register(MeterRegistry registry, Sessions sessions) {
        for (UserSession.State state : new UserSession.State[] {UserSession.State.CONNECTING,
                UserSession.State.CONNECTED, UserSession.State.SUSPENDED}) {
            Gauge.builder(BridgeMeters.PREFIX + "sessions", sessions, s -> count(s, state))
                    .tag("state", state.name().toLowerCase(Locale.ROOT))
                    .description("Bridge sessions by state (suspended = comet socket lost, in the grace period)")
                    .register(registry);
        }
        Gauge.builder(BridgeMeters.PREFIX + "outbox.pending", sessions, SessionGauges::pendingTotal)
                .description("Comet sends waiting or in flight, all users together").register(registry);
        Gauge.builder(BridgeMeters.PREFIX + "outbox.pending.max", sessions, SessionGauges::pendingMax)
                .description("Comet sends waiting or in flight for the user with the most").register(registry);
    }

    static double count(Sessions sessions, UserSession.State state) {
        int n = 0;
        for (UserSession s : sessions.all()) {
            if (s.state() == state) {
                n++;
            }
        }
        return n;
    }

    static double pendingTotal(Sessions sessions) {
        long total = 0;
        for (UserSession s : sessions.all()) {
            total += s.outbox().pending();
        }
        return total;
    }

    static double pendingMax(Sessions sessions) {
        int max = 0;
        for (UserSession s : sessions.all()) {
            max = Math.max(max, s.outbox().pending());
        }
        return max;
    }
}

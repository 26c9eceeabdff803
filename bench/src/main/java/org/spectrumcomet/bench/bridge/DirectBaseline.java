package org.spectrumcomet.bench.bridge;

import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.spectrumcomet.conformance.comet.CometTarget;

/**
 * The baseline without the bridge: the site's server publishing straight into the comet server
 * ({@code INSERT INTO users_messages} over CometQL, same {@link SiteLoad}) to the web subscribers;
 * arrivals/s window-bounded, then latency to the subscriber at the fixed rate.
 */
final class DirectBaseline {

    private DirectBaseline() {
    }

    /** Results: [0] closed-loop (rate = arrivals/s), [1] fixed rate (latency). */
    static Phase.Result[] measure(CometTarget comet, WebSubscribers web, Phase phase, int threads, int window, long rate)
            throws SQLException, InterruptedException {
        long arrivals0 = web.arrivals();
        Phase.Result closed;
        try (SiteLoad site = SiteLoad.closedLoop(comet, threads, web.ids(), window, () -> web.arrivals() - arrivals0)) {
            closed = phase.measure(web::arrivals, web.latency());
        }
        TimeUnit.MILLISECONDS.sleep(500);
        Phase.Result fixed;
        try (SiteLoad site = SiteLoad.fixedRate(comet, threads, web.ids(), rate)) {
            fixed = phase.measure(web::arrivals, web.latency());
        }
        TimeUnit.MILLISECONDS.sleep(500);
        return new Phase.Result[] {closed, fixed};
    }
}

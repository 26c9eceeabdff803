package org.spectrumcomet.bench.comet;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.spectrumcomet.bench.comet.load.LatencyRun;
import org.spectrumcomet.bench.comet.load.LoadClients;
import org.spectrumcomet.bench.comet.load.Publisher;
import org.spectrumcomet.bench.comet.load.SubscriptionBarrier;
import org.spectrumcomet.bench.comet.load.UpgradeRequest;
import org.spectrumcomet.bench.comet.target.ServerUnderTest;
import org.spectrumcomet.bench.report.LatencyRecorder;

/**
 * Measurement (d): publish→deliver latency to {@code k} subscribers at a fixed publish rate
 * ({@link LatencyRun}: recorded from the intended send time); a warm-up at the same rate is
 * discarded, then the measured run's percentiles are kept.
 */
final class Latency {

    private final BenchSettings settings;

    Latency(BenchSettings settings) {
        this.settings = settings;
    }

    /** Percentiles plus the deliveries that never arrived. */
    record Result(LatencyRecorder.Percentiles percentiles, long missing) {
    }

    Result measure(ServerUnderTest server, int k, double rate, Duration duration) throws Exception {
        try (LoadClients clients = new LoadClients(settings.clientThreads(), settings.sources());
             Publisher publisher = server.publisher(Fanout.PIPE, Fanout.EVENT)) {
            int opened = clients.open(server.ws(), k, Fanout.PIPE, () -> UpgradeRequest.anonymousPath("0"), 120,
                    TimeUnit.SECONDS);
            if (opened < k || !SubscriptionBarrier.await(publisher, clients.deliveries(), k, 30_000)) {
                throw new IllegalStateException(server.name() + ": " + opened + " of " + k + " subscribers ready");
            }
            LatencyRun run = new LatencyRun(publisher, clients.deliveries(), k, settings.bodyBytes());
            LatencyRecorder recorder = new LatencyRecorder();
            run.run(rate, settings.warmup(), recorder::recordNanos);
            recorder.reset();
            long missing = run.run(rate, duration, recorder::recordNanos);
            return new Result(recorder.snapshot(), missing);
        }
    }
}

package org.spectrumcomet.bench.comet;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.spectrumcomet.bench.comet.load.FanoutRun;
import org.spectrumcomet.bench.comet.load.LoadClients;
import org.spectrumcomet.bench.comet.load.Publisher;
import org.spectrumcomet.bench.comet.load.SubscriptionBarrier;
import org.spectrumcomet.bench.comet.load.UpgradeRequest;
import org.spectrumcomet.bench.comet.target.ServerUnderTest;
import org.spectrumcomet.bench.report.Repeats;

/**
 * Measurement (c): deliveries per second to {@code k} subscribers of one pipe, publishers
 * saturating within a window ({@link FanoutRun}); warm-up, then the measured repeats.
 */
final class Fanout {

    static final String PIPE = "bench_fanout";
    static final String EVENT = "bench";

    private final BenchSettings settings;

    Fanout(BenchSettings settings) {
        this.settings = settings;
    }

    /** The result of one server at one k; {@code writtenOff} deliveries never arrived. */
    record Result(Repeats perSecond, long writtenOff) {
    }

    Result measure(ServerUnderTest server, int k) throws Exception {
        try (LoadClients clients = new LoadClients(settings.clientThreads(), settings.sources())) {
            int opened = clients.open(server.ws(), k, PIPE, () -> UpgradeRequest.anonymousPath("0"), 120,
                    TimeUnit.SECONDS);
            if (opened < k) {
                throw new IllegalStateException(server.name() + ": only " + opened + " of " + k
                        + " subscribers connected; last failure: " + clients.lastFailure());
            }
            List<Publisher> publishers = new ArrayList<>();
            try {
                for (int i = 0; i < settings.publishers(); i++) {
                    publishers.add(server.publisher(PIPE, EVENT));
                }
                if (!SubscriptionBarrier.await(publishers.get(0), clients.deliveries(), k, 30_000)) {
                    throw new IllegalStateException(server.name() + ": the " + k + " subscriptions never all took effect");
                }
                FanoutRun run = new FanoutRun(publishers, clients.deliveries(), k, settings.window(),
                        settings.bodyBytes());
                run.measure(settings.warmup());
                double[] values = new double[settings.repeats()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = run.measure(settings.measure());
                }
                return new Result(Repeats.of(values), run.writtenOff());
            } finally {
                publishers.forEach(Publisher::close);
            }
        }
    }
}

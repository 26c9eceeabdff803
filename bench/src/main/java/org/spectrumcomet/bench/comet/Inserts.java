package org.spectrumcomet.bench.comet;

import java.util.ArrayList;
import java.util.List;
import org.spectrumcomet.bench.comet.load.InsertRun;
import org.spectrumcomet.bench.comet.load.Publisher;
import org.spectrumcomet.bench.comet.target.ServerUnderTest;
import org.spectrumcomet.bench.report.Repeats;

/**
 * Measurement (b): CometQL {@code INSERT INTO pipes_messages} per second on {@code connections}
 * JDBC connections (one thread each) into a pipe without subscribers or history.
 */
final class Inserts {

    static final String PIPE = "bench_inserts";

    private final BenchSettings settings;

    Inserts(BenchSettings settings) {
        this.settings = settings;
    }

    Repeats measure(ServerUnderTest server, int connections) throws Exception {
        List<Publisher> publishers = new ArrayList<>();
        try {
            for (int i = 0; i < connections; i++) {
                publishers.add(server.publisher(PIPE, Fanout.EVENT));
            }
            InsertRun run = new InsertRun(publishers, settings.bodyBytes());
            run.measure(settings.warmup());
            double[] values = new double[settings.repeats()];
            for (int i = 0; i < values.length; i++) {
                values[i] = run.measure(settings.measure());
            }
            return Repeats.of(values);
        } finally {
            publishers.forEach(Publisher::close);
        }
    }
}

package org.spectrumcomet.bench.comet;

import java.util.ArrayList;
import java.util.List;
import org.spectrumcomet.bench.comet.load.InsertRun;
import org.spectrumcomet.bench.comet.load.Publisher;
import org.spectrumcomet.bench.comet.target.ServerUnderTest;
import org.spectrumcomet.bench.report.Repeats;

/**
 * Measurement (b): CometQL {@code INSERT INTO pipes_messages} per second on {@code connections}
 * JDBC connections (one thread each) into a pipe without subscribers or history; (b2) the same into
 * a pipe that keeps history, where every INSERT is a store write (group commit at work).
 */
final class Inserts {

    static final String PIPE = "bench_inserts";
    /** A {@code trust_} pipe keeps its last 99 messages: every INSERT is a durable write. */
    static final String DURABLE_PIPE = "trust_bench_inserts";

    private final BenchSettings settings;

    Inserts(BenchSettings settings) {
        this.settings = settings;
    }

    Repeats measure(ServerUnderTest server, int connections) throws Exception {
        return measure(server, connections, PIPE);
    }

    Repeats measure(ServerUnderTest server, int connections, String pipe) throws Exception {
        List<Publisher> publishers = new ArrayList<>();
        try {
            for (int i = 0; i < connections; i++) {
                publishers.add(server.publisher(pipe, Fanout.EVENT));
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

package org.spectrumcomet.bench.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.spectrumcomet.bench.comet.BenchSettings;
import org.spectrumcomet.bench.comet.load.FanoutRun;
import org.spectrumcomet.bench.comet.load.LatencyRun;
import org.spectrumcomet.bench.comet.load.LoadClients;
import org.spectrumcomet.bench.comet.load.Publisher;
import org.spectrumcomet.bench.comet.load.SubscriptionBarrier;
import org.spectrumcomet.bench.comet.load.UpgradeRequest;
import org.spectrumcomet.bench.comet.target.OurCometServer;
import org.spectrumcomet.bench.report.LatencyRecorder;
import org.spectrumcomet.bench.report.Repeats;

/**
 * Loads one topology: {@code pipes × perPipe} WebSocket subscribers, each pipe's spread evenly over
 * the nodes; one publisher per pipe taking turns over the nodes. Fan-out first (all pipes at once,
 * a window of messages in flight per pipe: warm-up, then the measured repeats), then latency on the
 * first pipe at a fixed rate, recorded from the intended send time.
 */
final class ClusterLoad {

    static final String PIPE_PREFIX = "bench_cluster_";
    static final String EVENT = "bench";

    private final BenchSettings settings;
    private final int pipes;
    private final int perPipe;
    private final double rate;

    ClusterLoad(BenchSettings settings, int pipes, int perPipe, double rate) {
        this.settings = settings;
        this.pipes = pipes;
        this.perPipe = perPipe;
        this.rate = rate;
    }

    TopologyResult measure(Topology topology) throws Exception {
        List<OurCometServer> nodes = topology.nodes();
        try (LoadClients clients = new LoadClients(settings.clientThreads(), settings.sources())) {
            for (int pipe = 0; pipe < pipes; pipe++) {
                for (int node = 0; node < nodes.size(); node++) {
                    subscribe(clients, nodes.get(node), pipe, share(perPipe, nodes.size(), node, pipe));
                }
            }
            List<Publisher> publishers = new ArrayList<>();
            try {
                for (int pipe = 0; pipe < pipes; pipe++) {
                    publishers.add(publisher(nodes, pipe));
                    if (!SubscriptionBarrier.await(publishers.get(pipe), clients.deliveries(), perPipe, 60_000)) {
                        throw new IllegalStateException(topology.name() + ": the " + perPipe + " subscriptions of "
                                + PIPE_PREFIX + pipe + " never all took effect");
                    }
                }
                FanoutRun fanout = new FanoutRun(publishers, clients.deliveries(), perPipe, settings.window(),
                        settings.bodyBytes());
                fanout.measure(settings.warmup());
                double[] values = new double[settings.repeats()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = fanout.measure(settings.measure());
                }
                LatencyRun latency = new LatencyRun(publishers.get(0), clients.deliveries(), perPipe, settings.bodyBytes());
                LatencyRecorder recorder = new LatencyRecorder();
                latency.run(rate, settings.warmup(), recorder::recordNanos);
                recorder.reset();
                long missing = latency.run(rate, settings.measure(), recorder::recordNanos);
                return new TopologyResult(topology.name(), nodes.size(), Repeats.of(values), fanout.writtenOff(),
                        recorder.snapshot(), missing);
            } finally {
                publishers.forEach(Publisher::close);
            }
        }
    }

    /**
     * How many of a pipe's {@code perPipe} subscribers connect to {@code node} of {@code nodes}:
     * the remainder goes to different nodes for different pipes, so node totals differ by at most
     * one pipe's remainder.
     */
    static int share(int perPipe, int nodes, int node, int pipe) {
        return perPipe / nodes + (Math.floorMod(node - pipe, nodes) < perPipe % nodes ? 1 : 0);
    }

    private static void subscribe(LoadClients clients, OurCometServer node, int pipe, int count)
            throws InterruptedException {
        if (count == 0) {
            return;
        }
        int opened = clients.open(node.ws(), count, PIPE_PREFIX + pipe, () -> UpgradeRequest.anonymousPath("0"), 120,
                TimeUnit.SECONDS);
        if (opened < count) {
            throw new IllegalStateException(node.name() + ": only " + opened + " of " + count + " subscribers of "
                    + PIPE_PREFIX + pipe + " connected; last failure: " + clients.lastFailure());
        }
    }

    /** Pipe {@code pipe}'s publisher: one CometQL connection per node, starting at a different node per pipe. */
    private static Publisher publisher(List<OurCometServer> nodes, int pipe) throws Exception {
        List<Publisher> perNode = new ArrayList<>();
        try {
            for (OurCometServer node : nodes) {
                perNode.add(node.publisher(PIPE_PREFIX + pipe, EVENT));
            }
        } catch (Exception e) {
            perNode.forEach(Publisher::close);
            throw e;
        }
        return new RoundRobinPublisher(perNode, pipe);
    }
}

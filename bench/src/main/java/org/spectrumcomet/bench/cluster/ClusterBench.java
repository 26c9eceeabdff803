package org.spectrumcomet.bench.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.spectrumcomet.bench.ReportOptions;
import org.spectrumcomet.bench.comet.BenchSettings;
import org.spectrumcomet.bench.comet.CometBench;
import org.spectrumcomet.bench.comet.LoadOptions;
import org.spectrumcomet.bench.report.BenchReport;
import org.spectrumcomet.bench.report.MachineInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bin/bench cluster}: the embedded single node, then networks of {@code --nodes} comet-server
 * processes on one fresh {@code redis-server} each, loaded the same way ({@link ClusterLoad});
 * prints one table with ratios against the embedded node and writes {@code bench/results/cluster-*.md}.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "cluster: fan-out deliveries/s and publish→deliver p50/p99 of 1, 2, 3 comet-server nodes on one "
                + "redis-server vs the embedded single node (no Redis), measured in the same run.")
public final class ClusterBench implements Callable<Integer> {

    @Mixin
    ReportOptions report;

    @Mixin
    LoadOptions load;

    @Spec
    CommandSpec spec;

    @Option(names = "--subscribers", description = "WebSocket subscribers in all, spread evenly over the pipes and "
            + "the nodes (default ${DEFAULT-VALUE})", defaultValue = "1000")
    int subscribers;

    @Option(names = "--pipes", description = "pipes, one publisher each (default ${DEFAULT-VALUE})", defaultValue = "10")
    int pipes;

    @Option(names = "--nodes", split = ",", description = "network sizes on one Redis (default ${DEFAULT-VALUE})",
            defaultValue = "1,2,3")
    List<Integer> nodes;

    @Option(names = "--rate", description = "latency run: messages/s into the first pipe (default ${DEFAULT-VALUE})",
            defaultValue = "100")
    double rate;

    /** The report of the last run (tests read its table). */
    BenchReport lastReport;

    @Override
    public Integer call() throws Exception {
        String problem = problem();
        if (problem != null) {
            System.err.println("cluster: " + problem);
            return 2;
        }
        MachineInfo start = MachineInfo.current(); // the header's load average is the one at the start
        int perPipe = subscribers / pipes;
        BenchSettings settings = load.settings(pipes);
        Path work = load.workDirectory("cluster");
        Path root = CometBench.repoRoot();
        ClusterLoad cluster = new ClusterLoad(settings, pipes, perPipe, rate);
        List<TopologyResult> results = new ArrayList<>();
        progress(Topology.EMBEDDED);
        try (Topology embedded = Topology.embedded(root, work, load.serverJavaOpts())) {
            results.add(cluster.measure(embedded));
        }
        for (int count : nodes) {
            progress(Topology.name(count));
            try (Topology network = Topology.onRedis(count, root, work, load.serverJavaOpts())) {
                results.add(cluster.measure(network));
            }
        }
        BenchReport out = new BenchReport("cluster", "bin/bench cluster "
                + String.join(" ", spec.commandLine().getParseResult().originalArgs()).replaceFirst("^cluster ?", ""),
                start);
        out.table("Fan-out and publish→deliver latency by topology (deliveries/s: median (min–max); latency at "
                + ratePhrase() + " into one pipe of " + perPipe + " subscribers, from the intended send time)",
                ClusterTable.of(results));
        out.note("Servers: `bin/comet-server` (JAVA_OPTS `" + load.serverJavaOpts() + "`), tenant 0; the embedded node "
                + "keeps its SQLite store in " + work + "; each network gets a fresh `redis-server` (no persistence, "
                + "`--save \"\"`) and its nodes `--redis redis://127.0.0.1:PORT`. Load: " + perPipe * pipes
                + " subscribers over " + pipes + " pipes (" + perPipe + " each), each pipe's subscribers spread evenly "
                + "over the nodes; one CometQL publisher per pipe (`INSERT INTO pipes_messages`) sending through the "
                + "nodes in turn. " + load.describe() + ". \"lost\" counts deliveries that never arrived (fan-out "
                + "written off after a stall, plus latency-run misses).");
        out.note("Load average at the end (1/5/15 min): " + MachineInfo.current().loadAverage()
                + ". The machine is shared: compare the ratios, not the absolute numbers.");
        out.publish(System.out, report.resultsDirectory());
        lastReport = out;
        return 0;
    }

    /** What is wrong with the options or the machine, or null. */
    String problem() {
        if (pipes < 1 || subscribers < pipes) {
            return "--subscribers (" + subscribers + ") must be at least --pipes (" + pipes + "), which must be ≥ 1";
        }
        if (nodes.stream().anyMatch(n -> n < 1 || n > 16)) {
            return "--nodes takes network sizes from 1 to 16, got " + nodes;
        }
        if (rate <= 0) {
            return "--rate must be above 0, got " + rate;
        }
        if (!nodes.isEmpty() && !RedisProcess.installed()) {
            return "redis-server is not on the PATH (Debian package redis-server); --nodes needs it";
        }
        return null;
    }

    private String ratePhrase() {
        return org.spectrumcomet.bench.report.Numbers.decimal(rate) + " msg/s";
    }

    private static void progress(String what) {
        System.err.println("cluster: " + what);
    }
}

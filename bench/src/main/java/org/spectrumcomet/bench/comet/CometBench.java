package org.spectrumcomet.bench.comet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.spectrumcomet.bench.ReportOptions;
import org.spectrumcomet.bench.report.BenchReport;
import org.spectrumcomet.bench.report.ResultsFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bin/bench comet}: our comet server ({@code bin/comet-server}, its own process and data
 * directory) against the raw Netty broadcast baseline, and with {@code --side-by-side} against
 * the real CppComet from {@code $CPPCOMET_HOME}. Prints the tables and writes
 * {@code bench/results/comet-*.md}; {@link CometRun} does the measuring.
 */
@Command(name = "comet", mixinStandardHelpOptions = true,
        description = "comet: idle connections and memory, CometQL INSERT/s, fan-out deliveries/s and "
                + "publish→deliver latency of our comet server vs a raw Netty broadcast server (and CppComet).")
public final class CometBench implements Callable<Integer> {

    @Mixin
    ReportOptions report;

    @Mixin
    LoadOptions load;

    @Spec
    CommandSpec spec;

    @Option(names = "--connections", description = "idle WebSocket connections to hold (default ${DEFAULT-VALUE}; "
            + "clamped below the open-files limit)", defaultValue = "50000")
    int connections;

    @Option(names = "--subscribers", split = ",", description = "fan-out subscriber counts (default ${DEFAULT-VALUE})",
            defaultValue = "100,1000,10000")
    List<Integer> subscribers;

    @Option(names = "--pool", description = "JDBC connections for pooled INSERTs (default ${DEFAULT-VALUE})",
            defaultValue = "8")
    int pool;

    @Option(names = "--latency-subscribers", description = "subscribers in the latency run (default ${DEFAULT-VALUE})",
            defaultValue = "1000")
    int latencySubscribers;

    @Option(names = "--rate", description = "latency run publish rate in msg/s; 0 = a quarter of the slowest "
            + "server's measured fan-out capacity (default ${DEFAULT-VALUE})", defaultValue = "0")
    double rate;

    @Option(names = "--latency-seconds", description = "measured latency run (default ${DEFAULT-VALUE})",
            defaultValue = "10")
    double latencySeconds;

    // one: CppComet's CometQL lexer is not thread-safe and crashes on concurrent statements
    @Option(names = "--publishers", description = "fan-out publishing connections (default ${DEFAULT-VALUE}; "
            + "CppComet crashes on concurrent CometQL statements)", defaultValue = "1")
    int publishers;

    @Option(names = "--jfr", description = "record a JFR profile of our server into DIR/ours-N.jfr")
    Path jfr;

    @Option(names = "--side-by-side", description = "also load the real CppComet from $CPPCOMET_HOME")
    boolean sideBySide;

    @Option(names = "--side-subscribers", split = ",", defaultValue = "1000,5000",
            description = "side-by-side fan-out subscriber counts (default ${DEFAULT-VALUE})")
    List<Integer> sideSubscribers;

    @Option(names = "--side-connections", split = ",", defaultValue = "5000,15000",
            description = "side-by-side idle connection counts for RSS (default ${DEFAULT-VALUE})")
    List<Integer> sideConnections;

    @Option(names = "--only", split = ",", defaultValue = "idle,inserts,durable,fanout,latency",
            description = "measurements to run: idle, inserts, durable (INSERTs into a pipe that keeps "
                    + "history: every one stored), fanout, latency (default ${DEFAULT-VALUE})",
            converter = PartConverter.class)
    List<CometRun.Part> only;

    /** Accepts the part names in lower case. */
    static final class PartConverter implements picocli.CommandLine.ITypeConverter<CometRun.Part> {
        @Override
        public CometRun.Part convert(String value) {
            return CometRun.Part.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** The report of the last run (tests read its tables). */
    BenchReport lastReport;

    @Override
    public Integer call() throws Exception {
        Path cppcomet = null;
        if (sideBySide) {
            String home = System.getenv("CPPCOMET_HOME");
            if (home == null || home.isBlank()) {
                System.err.println("comet: --side-by-side needs CPPCOMET_HOME (see shared/peers/cppcomet/README.md)");
                return 2;
            }
            cppcomet = Path.of(home);
        }
        BenchSettings settings = load.settings(publishers);
        Path work = load.workDirectory("comet");
        String serverJavaOpts = load.serverJavaOpts();
        CometRun run = new CometRun(settings, repoRoot(), work, serverJavaOpts);
        if (jfr != null) {
            run.profileInto(Files.createDirectories(jfr.toAbsolutePath()));
        }
        CometResults results = run.all(EnumSet.copyOf(only), connections, subscribers, pool, latencySubscribers, rate,
                LoadOptions.duration(latencySeconds), cppcomet, sideSubscribers, sideConnections);
        BenchReport out = new BenchReport("comet", "bin/bench comet "
                + String.join(" ", spec.commandLine().getParseResult().originalArgs()).replaceFirst("^comet ?", ""));
        out.note("Servers: ours = bin/comet-server (JAVA_OPTS `" + serverJavaOpts + "`, SQLite store in " + work
                + "); raw Netty = the bench module's broadcast server (same JAVA_OPTS)"
                + (cppcomet != null ? "; CppComet = " + cppcomet + "/start" : "")
                + ". Clients: " + load.describe() + "; " + publishers + " publishers.");
        CometTables.addTo(out, results);
        out.publish(System.out, report.resultsDirectory());
        lastReport = out;
        return 0;
    }

    /** The checkout whose {@code bin/comet-server} the benchmarks start. */
    public static Path repoRoot() {
        String property = System.getProperty(ResultsFile.ROOT_PROPERTY);
        Path dir = property != null ? Path.of(property) : Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("bin/comet-server"))) {
                return p;
            }
        }
        return dir;
    }
}

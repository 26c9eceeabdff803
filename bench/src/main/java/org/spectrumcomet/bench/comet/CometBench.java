package org.spectrumcomet.bench.comet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

    @Option(names = "--seconds", description = "one measured repeat (default ${DEFAULT-VALUE})", defaultValue = "5")
    double seconds;

    @Option(names = "--warmup", description = "warm-up seconds before measuring (default ${DEFAULT-VALUE})",
            defaultValue = "3")
    double warmup;

    @Option(names = "--repeats", description = "measured repeats (default ${DEFAULT-VALUE})", defaultValue = "3")
    int repeats;

    @Option(names = "--body-bytes", description = "message body size (default ${DEFAULT-VALUE})", defaultValue = "100")
    int bodyBytes;

    @Option(names = "--window", description = "fan-out messages in flight (default ${DEFAULT-VALUE})",
            defaultValue = "8")
    int window;

    // one: CppComet's CometQL lexer is not thread-safe and crashes on concurrent statements
    @Option(names = "--publishers", description = "fan-out publishing connections (default ${DEFAULT-VALUE}; "
            + "CppComet crashes on concurrent CometQL statements)", defaultValue = "1")
    int publishers;

    @Option(names = "--client-threads", description = "load client event loops (default ${DEFAULT-VALUE})",
            defaultValue = "2")
    int clientThreads;

    @Option(names = "--sources", description = "127.0.0.x source addresses for clients (default ${DEFAULT-VALUE})",
            defaultValue = "4")
    int sources;

    @Option(names = "--server-java-opts", description = "JAVA_OPTS of our server and the raw baseline "
            + "(default '${DEFAULT-VALUE}')", defaultValue = "-Xmx2g")
    String serverJavaOpts;

    @Option(names = "--work-dir", description = "data directories and server logs (default: a new temp directory)")
    Path workDir;

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
        BenchSettings settings = new BenchSettings(seconds(warmup), seconds(seconds), repeats, bodyBytes, window,
                publishers, clientThreads, sources);
        Path work = workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("comet-bench-");
        CometRun run = new CometRun(settings, repoRoot(), work, serverJavaOpts);
        if (jfr != null) {
            run.profileInto(Files.createDirectories(jfr.toAbsolutePath()));
        }
        CometResults results = run.all(EnumSet.copyOf(only), connections, subscribers, pool, latencySubscribers, rate,
                seconds(latencySeconds), cppcomet, sideSubscribers, sideConnections);
        BenchReport out = new BenchReport("comet", "bin/bench comet "
                + String.join(" ", spec.commandLine().getParseResult().originalArgs()).replaceFirst("^comet ?", ""));
        out.note("Servers: ours = bin/comet-server (JAVA_OPTS `" + serverJavaOpts + "`, SQLite store in " + work
                + "); raw Netty = the bench module's broadcast server (same JAVA_OPTS)"
                + (cppcomet != null ? "; CppComet = " + cppcomet + "/start" : "")
                + ". Clients: " + clientThreads + " event loops in the bench JVM over " + sources
                + " source addresses; body " + bodyBytes + " bytes; fan-out window " + window + " messages, "
                + publishers + " publishers; warm-up " + warmup + " s, " + repeats + " × " + seconds + " s.");
        CometTables.addTo(out, results);
        out.publish(System.out, report.resultsDirectory());
        lastReport = out;
        return 0;
    }

    private static Duration seconds(double value) {
        return Duration.ofMillis((long) (value * 1000));
    }

    private static Path repoRoot() {
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

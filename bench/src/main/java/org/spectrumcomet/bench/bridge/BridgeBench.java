package org.spectrumcomet.bench.bridge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.spectrumcomet.bench.ReportOptions;
import org.spectrumcomet.bench.link.LinkMeasurement;
import org.spectrumcomet.bench.link.LinkRun;
import org.spectrumcomet.bench.link.LinkTarget;
import org.spectrumcomet.bench.report.BenchReport;
import org.spectrumcomet.bench.report.ResultsFile;
import org.spectrumcomet.conformance.comet.CometQl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bin/bench bridge}: {@code spectrum-comet-backend} driven by the link benchmark's load main
 * with N logged-in users against our comet server process; baselines in the same run: the link
 * benchmark's null backend under the same main, and CometQL straight into the comet server.
 */
@Command(name = "bridge", mixinStandardHelpOptions = true,
        description = "bridge: spectrum-comet-backend with N logged-in users against bin/comet-server; XMPP→comet and comet→XMPP msg/s, "
                + "hop latency at a fixed rate, heap per user, RSS; baselines: null backend, CometQL straight to comet.")
public final class BridgeBench implements Callable<Integer> {

    @Mixin
    ReportOptions report;

    @Option(names = "--users", split = ",", defaultValue = "100,1000,10000",
            description = "Logged-in user counts, one bridge process each (default: ${DEFAULT-VALUE}; the whole default run takes ~6 min).")
    List<Integer> users;

    @Option(names = "--seconds", defaultValue = "5", description = "Length of one measured repeat (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--warmup", defaultValue = "3", description = "Seconds of load before each phase is measured (default: ${DEFAULT-VALUE}).")
    double warmupSeconds;

    @Option(names = "--repeats", defaultValue = "3", description = "Measured repeats per phase, ≥ 3 (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--rate", defaultValue = "2000", description = "Fixed rate of the latency phases, msg/s (default: ${DEFAULT-VALUE}).")
    long rate;

    @Option(names = "--window", defaultValue = "1000", description = "Most messages in flight under throughput load (default: ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--web", defaultValue = "8", description = "Web subscribers (WebSockets straight to comet) receiving XMPP→comet (default: ${DEFAULT-VALUE}).")
    int webSubscribers;

    @Option(names = "--site-threads", defaultValue = "32", description = "CometQL connections inserting, in the direct baseline "
            + "and comet→XMPP; as many as the bridge's default pool_size, so the baseline may have as many statements in flight "
            + "as the bridge (default: ${DEFAULT-VALUE}).")
    int siteThreads;

    @Option(names = "--pool-size", defaultValue = "0",
            description = "The bridge's [comet] pool_size (CometQL connections); 0 keeps the bridge's default (default: ${DEFAULT-VALUE}).")
    int poolSize;

    @Option(names = "--comet-fsync", defaultValue = "full",
            description = "The comet server's [store] fsync: full (its default, every commit fsynced) or normal (default: ${DEFAULT-VALUE}).")
    String cometFsync;

    @Option(names = "--quick", description = "Smoke settings: 10 users, 0.3 s warm-up, 3 repeats of 0.5 s, 200 msg/s. Numbers from it only prove the benchmark runs.")
    boolean quick;

    /** The last run's report, for tests. */
    BenchReport lastReport;

    @Override
    public Integer call() throws Exception {
        if (quick) {
            users = List.of(10);
            seconds = 0.5;
            warmupSeconds = 0.3;
            rate = 200;
            webSubscribers = 2;
            siteThreads = 2;
        }
        if (repeats < 3) {
            throw new IllegalArgumentException("--repeats must be at least 3 (min/median/max)");
        }
        Path root = ResultsFile.repositoryRoot();
        Path workDir = Files.createTempDirectory("bench-bridge-");
        Phase phase = new Phase(Duration.ofMillis((long) (warmupSeconds * 1000)), Duration.ofMillis((long) (seconds * 1000)), repeats);
        int baselineUsers = users.stream().filter(n -> n <= BridgeTable.TARGET_RATE_USERS).max(Integer::compare).orElse(users.get(0));

        LinkRun linkRun = new LinkRun(baselineUsers, baselineUsers, window, 5000, Duration.ofMillis(10),
                phase.warmup(), phase.length(), repeats, workDir);
        LinkMeasurement nullBackend = linkRun.measure(LinkTarget.silentNullBackend());

        List<BridgeMeasurement> rows = new ArrayList<>();
        Phase.Result[] direct;
        try (CometProcess comet = CometProcess.start(root, workDir, 1000, cometFsync);
             CometQl cometql = new CometQl(comet.target());
             WebSubscribers web = WebSubscribers.connect(comet.target(), cometql, 900_000_001L, webSubscribers)) {
            direct = DirectBaseline.measure(comet.target(), web, phase, siteThreads, window, rate);
            BridgeRun run = new BridgeRun(root, workDir, phase, window, rate, siteThreads, poolSize);
            for (int n : users) {
                rows.add(run.measure(comet.target(), cometql, web, n));
            }
        }

        BenchReport out = new BenchReport("bridge", command());
        out.table("Bridge: one spectrum-comet-backend process, N logged-in users, against our comet server process "
                + "(latency at " + rate + " msg/s from the intended send time)", BridgeTable.main(rows));
        out.table("Baselines in the same run (" + baselineUsers + " users for the null backend)", BridgeTable.baselines(nullBackend, direct, rate));
        out.table("Bridge ÷ baselines", BridgeTable.ratios(rows, nullBackend, direct));
        out.note(BridgeTable.verdict(rows, rate));
        out.note(HOW);
        out.note("Logs and configs (bridge, comet server): " + workDir);
        out.publish(System.out, report.resultsDirectory());
        lastReport = out;
        return 0;
    }

    static final String HOW = """
            How: the load main is the link benchmark's (one TCP link, Spectrum framing). XMPP→comet: CONV_MESSAGEs with an id \
            from the logged-in users in turn to the web subscribers' ids, at most --window without a CONV_MESSAGE_ACK; the bridge \
            ACKs only after comet accepted the users_messages insert, so ACKs/s is the rate; arrivals/s at the subscribers' \
            WebSockets is shown beside it. comet→XMPP: --site-threads CometQL connections INSERT INTO users_messages for the \
            logged-in users in turn (plain text), at most --window not yet seen as CONV_MESSAGE at the main. Latency phases send \
            at --rate with the intended send time in the text and record at the subscriber / the main (one JVM clock). Heap per \
            user = (heap after full GC with N users − heap after full GC before any LOGIN) / N, jcmd GC.run + GC.heap_info.""";

    private String command() {
        return quick ? "bin/bench bridge --quick"
                : String.format(Locale.ROOT, "bin/bench bridge --users %s --seconds %s --warmup %s --repeats %d --rate %d --window %d --web %d --site-threads %d --pool-size %d --comet-fsync %s",
                        users.stream().map(String::valueOf).collect(Collectors.joining(",")), seconds, warmupSeconds, repeats, rate,
                        window, webSubscribers, siteThreads, poolSize, cometFsync);
    }
}

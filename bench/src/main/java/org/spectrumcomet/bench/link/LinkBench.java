package org.spectrumcomet.bench.link;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.spectrumcomet.bench.ReportOptions;
import org.spectrumcomet.bench.report.BenchReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bin/bench link}: the echo backend, then the null backend (one prebuilt reply per
 * CONV_MESSAGE), then a plain Netty echo, each driven by the same {@link LoadMain} with the same
 * closed-loop window in this run, so echo/null compares per-message work and not the load
 * generator. {@code --side-by-side} adds Spectrum's C++ template backend from
 * {@code $SPECTRUM2_HOME} against our silent null backend under the same inbound load.
 */
@Command(name = "link", mixinStandardHelpOptions = true,
        description = "link: PING→PONG latency under CONV_MESSAGE load, messages/s each way, LOGIN→CONNECTED/s; "
                + "echo backend vs null backend vs plain Netty echo (and Spectrum's C++ template backend with --side-by-side).")
public final class LinkBench implements Callable<Integer> {

    @Mixin
    ReportOptions report;

    @Option(names = "--seconds", defaultValue = "10", description = "Length of one measured repeat (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--warmup", defaultValue = "5", description = "Seconds of load before measuring (default: ${DEFAULT-VALUE}).")
    double warmupSeconds;

    @Option(names = "--repeats", defaultValue = "3", description = "Measured repeats, ≥ 3 (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--logins", defaultValue = "1000", description = "Users logged in as a burst (default: ${DEFAULT-VALUE}).")
    int logins;

    @Option(names = "--users", defaultValue = "10", description = "Users the CONV_MESSAGE load goes to (default: ${DEFAULT-VALUE}).")
    int loadUsers;

    @Option(names = "--window", defaultValue = "1000", description = "Most unanswered CONV_MESSAGEs to an echoing backend (default: ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--pong-window", defaultValue = "5000", description = "Most CONV_MESSAGEs not yet followed by a PONG, for backends that do not echo (default: ${DEFAULT-VALUE}).")
    int pongWindow;

    @Option(names = "--ping-ms", defaultValue = "10", description = "PING period in ms (default: ${DEFAULT-VALUE}).")
    int pingMillis;

    @Option(names = "--side-by-side", description = "Also measure Spectrum's C++ template backend ($SPECTRUM2_HOME).")
    boolean sideBySide;

    @Option(names = "--quick", description = "Smoke settings: 0.5 s warm-up, 3 repeats of 1 s, 100 logins. Numbers from it only prove the benchmark runs.")
    boolean quick;

    /** The last run's report, for tests. */
    BenchReport lastReport;

    @Override
    public Integer call() throws Exception {
        if (quick) {
            seconds = 1;
            warmupSeconds = 0.5;
            logins = 100;
        }
        if (repeats < 3) {
            throw new IllegalArgumentException("--repeats must be at least 3 (min/median/max)");
        }
        Path spectrumHome = null;
        if (sideBySide) {
            String home = System.getenv("SPECTRUM2_HOME");
            if (home == null || home.isBlank() || !Files.isExecutable(Path.of(home, "bin", "spectrum2_template_backend"))) {
                System.err.println("link --side-by-side: SPECTRUM2_HOME must point at a Spectrum 2 bundle with bin/spectrum2_template_backend");
                return 2;
            }
            spectrumHome = Path.of(home);
        }
        Path workDir = Files.createTempDirectory("bench-link-");
        LinkRun run = new LinkRun(logins, loadUsers, window, pongWindow, Duration.ofMillis(pingMillis),
                Duration.ofMillis((long) (warmupSeconds * 1000)), Duration.ofMillis((long) (seconds * 1000)), repeats, workDir);

        LinkMeasurement echo = run.measure(LinkTarget.echo());
        LinkMeasurement nullBackend = run.measure(LinkTarget.nullBackend());
        LinkMeasurement netty = run.measure(LinkTarget.nettyEcho());
        List<LinkMeasurement> rows = new ArrayList<>(List.of(echo, nullBackend, netty));

        BenchReport out = new BenchReport("link", command());
        out.table("Link: one backend process driven over loopback TCP (" + loadUsers + " users under CONV_MESSAGE load, PING every "
                + pingMillis + " ms, latency from the intended PING time)", LinkTable.main(rows, nullBackend));
        out.note(LinkTable.verdict(echo, nullBackend));
        if (spectrumHome != null) {
            LinkMeasurement ours = run.measure(LinkTarget.silentNullBackend());
            Path log4cxx = workDir.resolve("template-logging.cfg");
            Files.writeString(log4cxx, LinkTarget.log4cxxWarnConfig(workDir.resolve("template-backend-warn.log")));
            LinkMeasurement theirs = run.measure(LinkTarget.spectrumTemplate(spectrumHome, log4cxx));
            out.table("Side by side: our backend library vs Spectrum's C++ library (same inbound load, no outbound; "
                            + "the template backend logs at WARN, ours at INFO, neither logs per message)",
                    LinkTable.sideBySide(ours, theirs));
        }
        out.note("Backend logs and configs: " + workDir);
        out.publish(System.out, report.resultsDirectory());
        lastReport = out;
        return 0;
    }

    private String command() {
        return quick ? "bin/bench link --quick" + (sideBySide ? " --side-by-side" : "")
                : String.format(Locale.ROOT, "bin/bench link --seconds %s --warmup %s --repeats %d --logins %d --users %d --window %d --pong-window %d --ping-ms %d%s",
                        seconds, warmupSeconds, repeats, logins, loadUsers, window, pongWindow, pingMillis, sideBySide ? " --side-by-side" : "");
    }
}

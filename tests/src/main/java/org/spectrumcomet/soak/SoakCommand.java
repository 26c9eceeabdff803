package org.spectrumcomet.soak;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/soak}: runs a soak and writes its Markdown summary to
 * {@code tests/target/soak/summary-<time>.md} (and {@code --out}). Exit code 0 only when nothing was
 * lost or duplicated and memory and descriptors stayed flat; 1 when the soak ran and failed; 2 when
 * it could not run.
 */
@Command(name = "soak", mixinStandardHelpOptions = true, version = "spectrum-comet soak 0.1.0",
        description = {"Long run of the whole chain: our comet server, the bridge backend driven by the emulated",
            "Spectrum main with many XMPP users, and many web users; mixed traffic at a fixed rate."})
public final class SoakCommand implements Callable<Integer> {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    @Option(names = "--minutes", description = "minutes of traffic (fractions allowed; default ${DEFAULT-VALUE})")
    double minutes = 10;

    @Option(names = "--users", description = "XMPP users through the backend (default ${DEFAULT-VALUE})")
    int users = 1000;

    @Option(names = "--web", description = "web users on WebSockets (default ${DEFAULT-VALUE})")
    int web = 5000;

    @Option(names = "--rate", description = "messages per second over all kinds (default ${DEFAULT-VALUE})")
    double rate = 200;

    @Option(names = "--interval", description = "seconds between report rows (default ${DEFAULT-VALUE})")
    int interval = 10;

    @Option(names = "--loss-timeout", description = "seconds after which a delivery counts as lost (default ${DEFAULT-VALUE})")
    int lossTimeout = 30;

    @Option(names = "--seed", description = "random seed for senders and recipients (default ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--room-memory", description = "the bridge's room_memory: keys per joined room against duplicates "
            + "(default ${DEFAULT-VALUE}, full within a minute; 0 = the bridge's default, 500)")
    int roomMemory = 20;

    @Option(names = "--backend", description = "backend command (default: ROOT/bin/spectrum-comet-backend when built, "
            + "else the bridge on this class path)")
    String backend;

    @Option(names = "--root", description = "the repository root (default: the launcher's, else the current directory)")
    Path root;

    @Option(names = "--out", description = "also write the summary to this file")
    Path out;

    private final PrintStream console;

    public SoakCommand() {
        this(System.out);
    }

    SoakCommand(PrintStream console) {
        this.console = console;
    }

    public static void main(String[] args) {
        System.exit(execute(System.out, args));
    }

    /** Runs the command line, printing to {@code console}; returns the exit code. */
    public static int execute(PrintStream console, String... args) {
        return new CommandLine(new SoakCommand(console)).execute(args);
    }

    @Override
    public Integer call() throws Exception {
        Path repo = (root != null ? root : Path.of(System.getProperty("spectrum.comet.root", "."))).toAbsolutePath().normalize();
        String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(STAMP);
        Path soakDir = repo.resolve("tests/target/soak");
        SoakSettings settings;
        try {
            settings = new SoakSettings(Duration.ofMillis((long) (minutes * 60_000)), users, web, rate,
                    Duration.ofSeconds(interval), Duration.ofSeconds(lossTimeout), soakDir.resolve("run-" + stamp),
                    backend != null ? backend : defaultBackend(repo), seed, roomMemory);
        } catch (IllegalArgumentException e) {
            console.println("soak: " + e.getMessage());
            return 2;
        }
        Files.createDirectories(settings.workDir());
        console.printf("soak: %s of traffic, %d XMPP users, %d web users, %.0f msg/s; logs in %s%n",
                settings.duration(), users, web, rate, settings.workDir());
        SoakSummary summary;
        try {
            summary = SoakRun.run(settings, console);
        } catch (Exception e) {
            console.println("soak: could not run: " + e);
            return 2;
        }
        String markdown = summary.markdown();
        Path file = soakDir.resolve("summary-" + stamp + ".md");
        Files.writeString(file, markdown, StandardCharsets.UTF_8);
        if (out != null) {
            Path target = out.toAbsolutePath();
            if (target.getParent() != null) {
                Files.createDirectories(target.getParent());
            }
            Files.writeString(target, markdown, StandardCharsets.UTF_8);
        }
        console.println();
        console.println(markdown);
        console.println("summary: " + file + (out != null ? " and " + out : ""));
        return summary.passed() ? 0 : 1;
    }

    /** The packaged launcher when it is built, else the bridge's main class on this JVM's class path. */
    static String defaultBackend(Path repo) {
        Path launcher = repo.resolve("bin/spectrum-comet-backend");
        if (Files.isExecutable(launcher) && Files.isRegularFile(repo.resolve("bridge/target/spectrum-comet-bridge.jar"))) {
            return "\"" + launcher + "\"";
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return "\"" + java + "\" -cp \"" + System.getProperty("java.class.path") + "\" org.spectrumcomet.bridge.SpectrumCometBackend";
    }
}

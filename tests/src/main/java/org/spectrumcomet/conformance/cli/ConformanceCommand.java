package org.spectrumcomet.conformance.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.spectrumcomet.conformance.comet.CometDriver;
import org.spectrumcomet.conformance.comet.CometTarget;
import org.spectrumcomet.conformance.driver.EchoDriver;
import org.spectrumcomet.conformance.driver.LegacyDriver;
import org.spectrumcomet.conformance.main.MainOptions;
import org.spectrumcomet.conformance.suites.ScenarioResult;
import org.spectrumcomet.conformance.suites.Suite;
import org.spectrumcomet.conformance.suites.SuiteCatalog;
import org.spectrumcomet.conformance.suites.SuiteRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code conformance --backend CMD [--suite NAME] [--ping-interval SECONDS]}: spawns the backend
 * once per scenario as Spectrum would, prints a Markdown table; exit code 0 only if all pass.
 */
@Command(name = "conformance", mixinStandardHelpOptions = true,
        description = "Run the Spectrum 2 backend conformance suites against a backend command.")
public final class ConformanceCommand implements Callable<Integer> {

    static final int EXIT_FAILED = 1;

    @Spec
    CommandSpec spec;

    @Option(names = "--backend", required = true, paramLabel = "CMD",
            description = "The backend command as in Spectrum's service.backend (split like a shell, no PATH search).")
    String backend;

    @Option(names = "--suite", defaultValue = "all", paramLabel = "NAME",
            description = "Suites to run: all, protocol, scenario, or suite names, comma-separated (handshake, liveness, lifecycle, robustness, session, login, chat, rooms, roster, vcard).")
    String suite;

    @Option(names = "--ping-interval", defaultValue = "20", paramLabel = "SECONDS",
            description = "The main's ping tick (Spectrum: 20). Shorter makes the liveness suite faster.")
    double pingIntervalSeconds;

    @Option(names = "--driver", defaultValue = "echo", paramLabel = "NAME",
            description = "The legacy driver for scenario suites: echo, or comet (starts our comet server as a process "
                    + "unless --comet-cometql/--comet-ws/--comet-tenant name a running one).")
    String driver;

    @Option(names = "--comet-cometql", paramLabel = "HOST:PORT", description = "comet driver: a running comet server's CometQL address.")
    String cometCometql;

    @Option(names = "--comet-ws", paramLabel = "HOST:PORT", description = "comet driver: its WebSocket address.")
    String cometWs;

    @Option(names = "--comet-tenant", paramLabel = "ID:KEY", description = "comet driver: the tenant (dev_id) and its key.")
    String cometTenant;

    @Option(names = "--extra-config", paramLabel = "FILE",
            description = "Text appended to the transport config the backend gets (e.g. a [comet] section).")
    Path extraConfig;

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "Where config files and backend logs go (default: a new temporary directory).")
    Path workDir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (pingIntervalSeconds <= 0) {
            err.println("conformance: --ping-interval must be positive");
            return 2;
        }
        List<Suite> suites;
        try {
            suites = SuiteCatalog.select(suite);
        } catch (IllegalArgumentException e) {
            err.println("conformance: " + e.getMessage());
            return 2;
        }
        Path dir = workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("spectrum-comet-conformance");
        LegacyDriver legacy;
        try {
            legacy = legacyDriver(dir);
        } catch (IllegalArgumentException e) {
            err.println("conformance: " + e.getMessage());
            return 2;
        }
        if (legacy == null) {
            err.println("conformance: unknown driver '" + driver + "' (known: echo, comet)");
            return 2;
        }
        String program = org.spectrumcomet.conformance.main.PoptCommandLine.split(backend).get(0);
        if (!program.contains("/")) {
            err.println("conformance: note: Spectrum execs '" + program + "' without a PATH search; "
                    + "in service.backend it must be a path");
        }
        MainOptions options = MainOptions.defaults(dir)
                .withPingInterval(Duration.ofMillis(Math.max(1, Math.round(pingIntervalSeconds * 1000))));
        if (extraConfig != null) {
            options = options.withExtraConfig(Files.readString(extraConfig));
        }
        List<ScenarioResult> results;
        try (legacy) {
            results = new SuiteRunner(backend, legacy, options).run(suites);
        }
        out.print(MarkdownReport.render(backend, results));
        out.flush();
        return results.stream().allMatch(ScenarioResult::passed) ? 0 : EXIT_FAILED;
    }

    private LegacyDriver legacyDriver(Path dir) throws Exception {
        boolean anyComet = cometCometql != null || cometWs != null || cometTenant != null;
        if (anyComet && !"comet".equals(driver)) {
            throw new IllegalArgumentException("--comet-* options need --driver comet");
        }
        return switch (driver) {
            case "echo" -> new EchoDriver();
            case "comet" -> {
                if (!anyComet) {
                    yield CometDriver.startOwnServer(dir.resolve("comet"));
                }
                if (cometCometql == null || cometWs == null || cometTenant == null) {
                    throw new IllegalArgumentException("--comet-cometql, --comet-ws and --comet-tenant go together");
                }
                yield CometDriver.attach(CometTarget.parse(cometCometql, cometWs, cometTenant));
            }
            default -> null;
        };
    }
}

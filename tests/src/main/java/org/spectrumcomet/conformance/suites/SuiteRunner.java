package org.spectrumcomet.conformance.suites;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectrumcomet.conformance.driver.LegacyDriver;
import org.spectrumcomet.conformance.main.BackendLink;
import org.spectrumcomet.conformance.main.BackendProcess;
import org.spectrumcomet.conformance.main.FrameRecord;
import org.spectrumcomet.conformance.main.MainInstance;
import org.spectrumcomet.conformance.main.MainOptions;
import org.spectrumcomet.conformance.main.Violation;

/**
 * Runs scenarios, each against a fresh main instance and a freshly spawned backend process, so one
 * scenario's leftovers never decide another's verdict. A scenario fails when it throws
 * {@link ScenarioFailure}, when the backend does not connect, or when any {@link Violation} was
 * flagged while it ran. For a failure the backend's output log and a dump of the frames
 * ({@code <suite>-<scenario>.frames.txt}) stay in the work directory; for a pass they are deleted.
 */
public final class SuiteRunner {

    private static final Logger LOG = LoggerFactory.getLogger(SuiteRunner.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration EXIT_GRACE = Duration.ofSeconds(5);
    private static final int SHOWN_VIOLATIONS = 3;

    private final String backendCommand;
    private final LegacyDriver driver;
    private final MainOptions baseOptions;

    public SuiteRunner(String backendCommand, LegacyDriver driver, MainOptions baseOptions) {
        this.backendCommand = backendCommand;
        this.driver = driver;
        // The driver's sections (e.g. [comet] with the ports it started) first, then the run's own text.
        String extra = driver.extraConfig().isEmpty() ? baseOptions.extraConfig()
                : baseOptions.extraConfig().isEmpty() ? driver.extraConfig()
                : driver.extraConfig() + "\n" + baseOptions.extraConfig();
        this.baseOptions = baseOptions.withExtraConfig(extra);
    }

    public List<ScenarioResult> run(List<Suite> suites) {
        List<ScenarioResult> results = new ArrayList<>();
        for (Suite suite : suites) {
            for (Scenario scenario : suite.scenarios()) {
                results.add(run(suite, scenario));
            }
        }
        return results;
    }

    public ScenarioResult run(Suite suite, Scenario scenario) {
        String name = suite.name() + "-" + scenario.name();
        long started = System.nanoTime();
        MainOptions options = scenario.options(baseOptions);
        String failure;
        BackendProcess process = null;
        try (MainInstance main = MainInstance.start(options)) {
            process = main.spawn(backendCommand, name);
            failure = runSpawned(main, process, scenario);
            if (failure != null) {
                dumpFrames(main, options.workDir().resolve(name + ".frames.txt"));
            }
            stop(main, process);
        } catch (IOException e) {
            failure = "could not start the backend: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted";
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        LOG.info("{} {} in {} ms{}", name, failure == null ? "passed" : "FAILED", took.toMillis(),
                failure == null ? "" : ": " + failure);
        if (failure == null) {
            forget(options.workDir(), name);
            return ScenarioResult.pass(suite.name(), scenario.name(), took);
        }
        return ScenarioResult.fail(suite.name(), scenario.name(), failure, took,
                process == null ? null : process.logFile());
    }

    private String runSpawned(MainInstance main, BackendProcess process, Scenario scenario) throws InterruptedException {
        BackendLink link = main.awaitLink(CONNECT_TIMEOUT);
        if (link == null) {
            String exited = process.isAlive() ? "" : " (it exited with code " + process.exitCode() + ")";
            return "the backend did not connect within " + CONNECT_TIMEOUT.toSeconds() + " s" + exited
                    + "; output: " + process.logTail(5).replace('\n', ' ');
        }
        // The link exists from accept on; wait for channelActive (the first PING) before driving it.
        main.recording().awaitRecord(0, CONNECT_TIMEOUT, r -> r.direction() == FrameRecord.Direction.SENT);
        String failure = null;
        try {
            scenario.run(new ScenarioContext(main, process, driver));
        } catch (ScenarioFailure f) {
            failure = f.getMessage();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            LOG.warn("scenario {} threw", scenario.name(), e);
            failure = "the kit failed: " + e;
        }
        link.settle();
        List<Violation> violations = main.violations().all();
        if (!violations.isEmpty()) {
            String flagged = "flagged " + violations.stream().limit(SHOWN_VIOLATIONS).map(Violation::toString)
                    .collect(Collectors.joining("; "))
                    + (main.violations().count() > SHOWN_VIOLATIONS
                    ? " (+" + (main.violations().count() - SHOWN_VIOLATIONS) + " more)" : "");
            failure = failure == null ? flagged : failure + "; " + flagged;
        }
        if (failure == null && main.recording().overflowed()) {
            failure = "the backend sent more than " + main.options().recordCap() + " frames";
        }
        return failure;
    }

    /** EXIT, then up to 5 s for the process to leave on its own; {@link MainInstance#close()} kills it after. */
    private static void stop(MainInstance main, BackendProcess process) throws InterruptedException {
        if (process.isAlive() && !main.recording().isClosed()) {
            main.sendExit();
            process.awaitExit(EXIT_GRACE);
        }
    }

    private static void dumpFrames(MainInstance main, Path file) {
        try {
            StringBuilder text = new StringBuilder();
            main.recording().all().forEach(r -> text.append(r).append('\n'));
            text.append("\nviolations:\n");
            main.violations().all().forEach(v -> text.append(v.at()).append(' ').append(v).append('\n'));
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn("could not write {}: {}", file, e.getMessage());
        }
    }

    private static void forget(Path dir, String name) {
        for (String suffix : List.of(".cfg", ".log", ".frames.txt")) {
            try {
                Files.deleteIfExists(dir.resolve(name + suffix));
            } catch (IOException e) {
                LOG.debug("could not delete {}{}: {}", name, suffix, e.getMessage());
            }
        }
    }
}

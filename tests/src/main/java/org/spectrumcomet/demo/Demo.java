package org.spectrumcomet.demo;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * Runs the demo once: {@link DemoScript} on its own thread under a watchdog, so the command ends
 * within the time limit (plus a short grace for closing) even if a step hangs somewhere no
 * timeout reaches. Exit code 0 when every step happened, 1 otherwise, with the failed step and
 * why on stderr.
 */
public final class Demo {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    /** Time to close everything after the last step's deadline before the watchdog gives up. */
    private static final Duration GRACE = Duration.ofSeconds(15);

    /**
     * What to run.
     *
     * @param backendCommand the backend as Spectrum's {@code backend=} would name it, or null for
     *                       this repository's {@code bin/spectrum-comet-backend}
     * @param verbose        print the raw frames behind every transcript line
     * @param timeout        the whole demo's time limit
     * @param workDir        where the transport config and the backend's log go, or null for a
     *                       temporary directory (deleted after a successful run)
     * @param stay           how long to keep everything running after the conversation (bob still
     *                       online, alice still logged in) so the chat page and the metrics can be
     *                       looked at; zero for none. Added to the time limit.
     */
    public record Options(String backendCommand, boolean verbose, Duration timeout, Path workDir, Duration stay) {

        public Options(String backendCommand, boolean verbose, Duration timeout, Path workDir) {
            this(backendCommand, verbose, timeout, workDir, Duration.ZERO);
        }
    }

    private Demo() {
    }

    public static int run(Options options, PrintStream out, PrintStream err) {
        Transcript transcript = new Transcript(out, options.verbose());
        Runnable restoreLogs = quietCometLogs();
        long started = System.nanoTime();
        Path workDir = null;
        Duration limit = options.timeout().plus(options.stay());
        DemoScript script = new DemoScript(transcript, Deadline.after(limit), options.stay());
        String backend;
        try {
            backend = options.backendCommand() != null ? options.backendCommand() : BridgeLauncher.locate().toString();
        } catch (DemoFailure e) {
            restoreLogs.run();
            return failed(transcript, err, "find the bridge", e.getMessage(), null);
        }
        try {
            workDir = options.workDir() != null ? options.workDir() : Files.createTempDirectory("spectrum-comet-demo-");
            transcript.plain("spectrum-comet demo: XMPP user alice and web user bob talk through the comet bridge");
            Path dir = workDir;
            FutureTask<Void> task = new FutureTask<>(() -> {
                script.run(backend, dir);
                return null;
            });
            Thread runner = new Thread(task, "demo-script");
            runner.setDaemon(true);
            runner.start();
            task.get(limit.plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
            transcript.plain(String.format("demo OK: every step passed in %.1f s", (System.nanoTime() - started) / 1e9));
            if (options.workDir() == null) {
                deleteTree(workDir);
            }
            return EXIT_OK;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String reason = cause instanceof DemoFailure ? cause.getMessage() : String.valueOf(cause);
            return failed(transcript, err, script.step(), reason, workDir);
        } catch (TimeoutException e) {
            return failed(transcript, err, script.step(), "no progress within the time limit of "
                    + limit.toSeconds() + " s (plus " + GRACE.toSeconds() + " s to close)", workDir);
        } catch (IOException e) {
            return failed(transcript, err, "prepare a work directory", e.toString(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(transcript, err, script.step(), "interrupted", workDir);
        } finally {
            restoreLogs.run();
        }
    }

    private static int failed(Transcript transcript, PrintStream err, String step, String reason, Path workDir) {
        transcript.flushRaw();
        err.println("demo FAILED at step \"" + step + "\": " + reason);
        if (workDir != null) {
            err.println("  transport config and backend log kept in " + workDir);
        }
        err.flush();
        return EXIT_FAILED;
    }

    /**
     * Our comet server logs every connection and key at INFO on stderr; the transcript (and its
     * raw frames) already says it. Returns the undo.
     */
    private static Runnable quietCometLogs() {
        if (!(LoggerFactory.getLogger("org.spectrumcomet.comet") instanceof Logger comet)) {
            return () -> { };
        }
        Level before = comet.getLevel();
        comet.setLevel(Level.WARN);
        return () -> comet.setLevel(before);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a leftover temporary directory is harmless
        }
    }
}

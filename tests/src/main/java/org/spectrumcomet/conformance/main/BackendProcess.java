package org.spectrumcomet.conformance.main;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A backend process spawned with Spectrum's argument shape:
 * {@code <CMD words> --host 127.0.0.1 --port P --service.backend_id=<slot> <config path>}, CMD
 * split as popt does and every literal {@code BACKEND_ID} replaced by a process-wide counter that
 * starts at 0. stdin is {@code /dev/null} (a daemonized main), stdout and stderr go to one log file.
 *
 * <p>The kit only ever kills the process it spawned itself, and only in {@link #destroy()}.
 */
public final class BackendProcess implements AutoCloseable {

    private static final AtomicInteger BACKEND_ID = new AtomicInteger();

    private final Process process;
    private final List<String> argv;
    private final Path logFile;

    private BackendProcess(Process process, List<String> argv, Path logFile) {
        this.process = process;
        this.argv = argv;
        this.logFile = logFile;
    }

    /** The argv Spectrum would exec for this command, port, slot and config path. */
    public static List<String> spectrumArgv(String command, int port, int slot, Path config) {
        String substituted = command.contains("BACKEND_ID")
                ? command.replace("BACKEND_ID", Integer.toString(BACKEND_ID.getAndIncrement()))
                : command;
        List<String> argv = new ArrayList<>(PoptCommandLine.split(substituted));
        argv.add("--host");
        argv.add("127.0.0.1");
        argv.add("--port");
        argv.add(Integer.toString(port));
        argv.add("--service.backend_id=" + slot);
        argv.add(config.toString());
        return argv;
    }

    /** Starts {@code argv} with its output captured in {@code logFile}. */
    public static BackendProcess start(List<String> argv, Path logFile) throws IOException {
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(argv)
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .redirectInput(new File("/dev/null"));
        return new BackendProcess(builder.start(), List.copyOf(argv), logFile);
    }

    public long pid() {
        return process.pid();
    }

    public List<String> argv() {
        return argv;
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits up to {@code timeout} for the process to end; true if it did. */
    public boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The exit code; only valid once the process has ended. */
    public int exitCode() {
        return process.exitValue();
    }

    /** The last {@code maxLines} lines of the backend's output, for failure reports. */
    public String logTail(int maxLines) {
        try {
            if (!Files.exists(logFile)) {
                return "";
            }
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - maxLines), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** Kills the spawned process (SIGTERM, then SIGKILL after 2 s) and waits for it. */
    public void destroy() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        destroy();
    }
}

package org.spectrumcomet.bench.link;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One backend process under test, started with Spectrum's argv and extra environment
 * (LD_LIBRARY_PATH for Spectrum's C++ sample backend), output in a log file. Only this process is
 * ever signalled, by its own handle.
 */
public final class SpawnedBackend implements AutoCloseable {

    private final Process process;
    private final Path logFile;

    private SpawnedBackend(Process process, Path logFile) {
        this.process = process;
        this.logFile = logFile;
    }

    static SpawnedBackend start(List<String> argv, Map<String, String> environment, Path logFile) throws IOException {
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(argv)
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .redirectInput(new File("/dev/null"));
        builder.environment().putAll(environment);
        return new SpawnedBackend(builder.start(), logFile);
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    /** The last lines of the log, for error messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Waits for the process to end by itself (after EXIT), then kills it. */
    @Override
    public void close() {
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(3, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}

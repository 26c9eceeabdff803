package org.spectrumcomet.e2e.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.spectrumcomet.conformance.JavaBackendCommand;
import org.spectrumcomet.conformance.main.BackendProcess;
import org.spectrumcomet.conformance.main.TransportConfig;

/**
 * Spawns a backend main class as Spectrum would (argv, transport config with {@code extraConfig}),
 * pointed at a main on {@code port}, with extra JVM options (e.g. {@code -Xmx64m}). Output goes to
 * {@code target/conformance/faults/<name>.log}.
 */
final class SpawnedBackend {

    private SpawnedBackend() {
    }

    static Path workDir() {
        return JavaBackendCommand.workDir("faults");
    }

    static String command(Class<?> mainClass, String jvmOptions) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return "\"" + java + "\" " + jvmOptions + " -Xshare:auto -XX:TieredStopAtLevel=1 -cp \""
                + System.getProperty("java.class.path") + "\" " + mainClass.getName();
    }

    static BackendProcess start(Class<?> mainClass, String jvmOptions, int port, String name, String extraConfig)
            throws IOException {
        String command = command(mainClass, jvmOptions);
        Path config = TransportConfig.write(workDir(), name, port, command, extraConfig);
        List<String> argv = BackendProcess.spectrumArgv(command, port, 1, config);
        Path log = workDir().resolve(name + ".log");
        Files.deleteIfExists(log);
        return BackendProcess.start(argv, log);
    }

    /** Polls the backend's log until it contains {@code text}; false after {@code timeout}. */
    static boolean awaitLog(BackendProcess backend, String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            if (log(backend).contains(text)) {
                return true;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        return false;
    }

    static String log(BackendProcess backend) {
        try {
            return Files.exists(backend.logFile()) ? Files.readString(backend.logFile(), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** Milliseconds until the process ended, or -1 if it is still alive after {@code limit}. */
    static long millisToExit(BackendProcess backend, Duration limit) throws InterruptedException {
        long start = System.nanoTime();
        if (!backend.awaitExit(limit)) {
            return -1;
        }
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }
}

package org.spectrumcomet.bench.comet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The options of every benchmark that loads comet servers with WebSocket subscribers and CometQL
 * publishers ({@code bin/bench comet}, {@code bin/bench cluster}): a picocli mixin, so both share
 * one set of names, defaults and meanings.
 */
public final class LoadOptions {

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

    @Option(names = "--client-threads", description = "load client event loops (default ${DEFAULT-VALUE})",
            defaultValue = "2")
    int clientThreads;

    @Option(names = "--sources", description = "127.0.0.x source addresses for clients (default ${DEFAULT-VALUE})",
            defaultValue = "4")
    int sources;

    @Option(names = "--server-java-opts", description = "JAVA_OPTS of the servers the benchmark starts "
            + "(default '${DEFAULT-VALUE}')", defaultValue = "-Xmx2g")
    String serverJavaOpts;

    @Option(names = "--work-dir", description = "data directories and server logs (default: a new temp directory)")
    Path workDir;

    /** How hard and how long each measurement runs, with {@code publishers} publishing connections. */
    public BenchSettings settings(int publishers) {
        return new BenchSettings(duration(warmup), duration(seconds), repeats, bodyBytes, window, publishers,
                clientThreads, sources);
    }

    /** {@code --work-dir} (created), or a new temp directory named after the benchmark. */
    public Path workDirectory(String benchmark) throws IOException {
        return workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory(benchmark + "-bench-");
    }

    public String serverJavaOpts() {
        return serverJavaOpts;
    }

    /** One line for the report: what the load generator did. */
    public String describe() {
        return clientThreads + " client event loops in the bench JVM over " + sources + " source addresses; body "
                + bodyBytes + " bytes; fan-out window " + window + " messages; warm-up " + warmup + " s, " + repeats
                + " × " + seconds + " s";
    }

    public static Duration duration(double seconds) {
        return Duration.ofMillis((long) (seconds * 1000));
    }
}

package org.spectrumcomet.bench.link;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A backend the link benchmark drives: its label, the command Spectrum would run (the transport
 * config's {@code backend =}), and the environment it needs.
 *
 * @param label row label in the tables
 * @param command the backend command line, split as popt does
 * @param environment extra environment variables
 * @param isJvm whether jcmd can read its heap
 * @param echoes whether it answers each CONV_MESSAGE with one (the load is then window-bounded)
 * @param configExtra text appended to the transport config
 */
public record LinkTarget(String label, String command, Map<String, String> environment, boolean isJvm, boolean echoes,
                  String configExtra) {

    /** $BENCH_BACKEND_JAVA_OPTS: extra JVM options for the Java backends (e.g. a JFR recording). */
    public static final String BACKEND_JAVA_OPTS = "BENCH_BACKEND_JAVA_OPTS";

    /**
     * Our echo backend, spawned exactly as the null backend is (same java, class path, logging
     * config and {@code $BENCH_BACKEND_JAVA_OPTS}): the launcher would log at its own level, and
     * echo/null must differ only in the per-message handler.
     */
    static LinkTarget echo() {
        return new LinkTarget("echo backend", javaCommand("org.spectrumcomet.echo.EchoBackend", List.of()), Map.of(), true, true, "");
    }

    /**
     * The null backend on the same library, answering each CONV_MESSAGE with one prebuilt reply:
     * driven by the same closed-loop window as the echo backend, the baseline of its throughput.
     */
    public static LinkTarget nullBackend() {
        return new LinkTarget("null backend (same library)", javaCommand(NullBackend.class.getName(), List.of()),
                Map.of(), true, true, "");
    }

    /** The null backend dropping every CONV_MESSAGE: the baseline for backends that never answer. */
    public static LinkTarget silentNullBackend() {
        return new LinkTarget("null backend (same library, silent)", javaCommand(NullBackend.class.getName(),
                List.of("-D" + NullBackend.SILENT_PROPERTY + "=true")), Map.of(), true, false, "");
    }

    /** A plain Netty TCP echo of the frames, no backend library. */
    static LinkTarget nettyEcho() {
        return new LinkTarget("plain Netty echo", javaCommand(NettyEcho.class.getName(), List.of()), Map.of(), true, true, "");
    }

    /**
     * Spectrum's own C++ sample backend from a Spectrum 2 bundle, logging at WARN to {@code log4cxxConfig}:
     * at its default level it logs a line per message, which ours does not, and the comparison is of
     * the libraries, not of their logging.
     */
    static LinkTarget spectrumTemplate(Path spectrumHome, Path log4cxxConfig) {
        return new LinkTarget("Spectrum C++ template backend",
                spectrumHome.resolve("bin").resolve("spectrum2_template_backend").toString(),
                Map.of("LD_LIBRARY_PATH", spectrumHome.resolve("lib").toString()), false, false,
                "[logging]\nbackend_config = " + log4cxxConfig + "\n");
    }

    /** A log4cxx config for the template backend: WARN and above to {@code logFile}. */
    static String log4cxxWarnConfig(Path logFile) {
        return "log4j.rootLogger=warn, R\n"
                + "log4j.appender.R=org.apache.log4j.FileAppender\n"
                + "log4j.appender.R.File=" + logFile + "\n"
                + "log4j.appender.R.layout=org.apache.log4j.PatternLayout\n"
                + "log4j.appender.R.layout.ConversionPattern=%d %-5p %c: %m%n\n";
    }

    /**
     * java with this JVM's class path and logging config, quoted for popt; {@code $BENCH_BACKEND_JAVA_OPTS}
     * (split on spaces) is added, e.g. to record a JFR profile of the backend.
     */
    public static String javaCommand(String mainClass, List<String> properties) {
        StringBuilder cmd = new StringBuilder(quote(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.append(" -Dlogback.configurationFile=bench-logback.xml");
        String extra = System.getenv(BACKEND_JAVA_OPTS);
        if (extra != null && !extra.isBlank()) {
            cmd.append(' ').append(extra.trim());
        }
        for (String property : properties) {
            cmd.append(' ').append(property);
        }
        cmd.append(" -cp ").append(quote(System.getProperty("java.class.path"))).append(' ').append(mainClass);
        return cmd.toString();
    }

    private static String quote(String word) {
        return "\"" + word.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}

package org.spectrumcomet.bench.link;

import java.nio.file.Files;
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
 */
record LinkTarget(String label, String command, Map<String, String> environment, boolean isJvm, boolean echoes) {

    /** Our echo backend, through its launcher when built, else straight from this class path. */
    static LinkTarget echo(Path root) {
        Path launcher = root.resolve("bin").resolve("spectrum-comet");
        if (Files.isExecutable(launcher) && Files.isRegularFile(root.resolve("tests/target/spectrum-comet-tests.jar"))) {
            return new LinkTarget("echo backend", launcher + " echo-backend", Map.of(), true, true);
        }
        return new LinkTarget("echo backend", javaCommand("org.spectrumcomet.echo.EchoBackend", List.of()), Map.of(), true, true);
    }

    /** The null backend on the same library, sending {@code outboundRate} CONV_MESSAGEs/s to the main. */
    static LinkTarget nullBackend(long outboundRate) {
        return new LinkTarget("null backend (same library)", javaCommand(NullBackend.class.getName(),
                List.of("-D" + NullBackend.OUTBOUND_RATE_PROPERTY + "=" + outboundRate)), Map.of(), true, false);
    }

    /** A plain Netty TCP echo of the frames, no backend library. */
    static LinkTarget nettyEcho() {
        return new LinkTarget("plain Netty echo", javaCommand(NettyEcho.class.getName(), List.of()), Map.of(), true, true);
    }

    /** Spectrum's own C++ sample backend from a Spectrum 2 bundle. */
    static LinkTarget spectrumTemplate(Path spectrumHome) {
        return new LinkTarget("Spectrum C++ template backend",
                spectrumHome.resolve("bin").resolve("spectrum2_template_backend").toString(),
                Map.of("LD_LIBRARY_PATH", spectrumHome.resolve("lib").toString()), false, false);
    }

    /**
     * java with this JVM's class path and logging config, quoted for popt; {@code $BENCH_BACKEND_JAVA_OPTS}
     * (split on spaces) is added, e.g. to record a JFR profile of the backend.
     */
    private static String javaCommand(String mainClass, List<String> properties) {
        StringBuilder cmd = new StringBuilder(quote(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.append(" -Dlogback.configurationFile=bench-logback.xml");
        String extra = System.getenv("BENCH_BACKEND_JAVA_OPTS");
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

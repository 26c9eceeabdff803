package org.spectrumcomet.bench.comet.target;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.spectrumcomet.bench.comet.load.CometQlPublisher;
import org.spectrumcomet.bench.comet.load.CometQlPublisher.CometQlTarget;
import org.spectrumcomet.bench.comet.load.Publisher;

/**
 * Our comet server as an operator runs it: {@code bin/comet-server} as its own process, tenant 0
 * with a bench key, its own data directory (SQLite store, default fsync), ephemeral ports;
 * stderr goes to {@code <data dir>/comet-server.log}. {@code JAVA_OPTS} for it come from the
 * benchmark's {@code --server-java-opts}.
 */
public final class OurCometServer implements ServerUnderTest {

    public static final String KEY = "BenchKey";

    private final String name;
    private final Process process;
    private final InetSocketAddress ws;
    private final CometQlTarget cometql;

    private OurCometServer(String name, Process process, InetSocketAddress ws, CometQlTarget cometql) {
        this.name = name;
        this.process = process;
        this.ws = ws;
        this.cometql = cometql;
    }

    /**
     * Starts {@code <root>/bin/comet-server} with its data in {@code dataDir} (created). When the
     * comet module is not packaged ({@code mvn test} runs), the same main class runs from this
     * JVM's class path instead, with the launcher's logging configuration.
     */
    public static OurCometServer start(Path root, Path dataDir, String javaOpts) throws IOException {
        return start("ours", root, dataDir, javaOpts, List.of());
    }

    /**
     * The same, named {@code name} in tables and errors, with {@code extraArgs} after the usual
     * ones (e.g. {@code --redis redis://127.0.0.1:PORT} for a node of a network).
     */
    public static OurCometServer start(String name, Path root, Path dataDir, String javaOpts, List<String> extraArgs)
            throws IOException {
        Files.createDirectories(dataDir);
        Path log = dataDir.resolve("comet-server.log");
        List<String> command = new ArrayList<>(launcher(root, javaOpts));
        command.addAll(List.of("--tenant", "0:" + KEY, "--data-dir", dataDir.toString(),
                "--cometql", "127.0.0.1:0", "--ws", "127.0.0.1:0"));
        command.addAll(extraArgs);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
        builder.environment().put("JAVA_OPTS", javaOpts);
        builder.environment().putIfAbsent("COMET_LOG_LEVEL", "WARN");
        Process process = builder.start();
        try {
            ReadyLine ready = ReadyLine.await(process, "comet-server ready", 60, log.toString());
            return new OurCometServer(name, process, new InetSocketAddress("127.0.0.1", ready.port("ws")),
                    new CometQlTarget("127.0.0.1", ready.port("cometql"), "root", KEY));
        } catch (IOException | RuntimeException e) {
            ProcessStop.stop(process, 5);
            throw e;
        }
    }

    private static List<String> launcher(Path root, String javaOpts) throws IOException {
        Path launcher = root.resolve("bin/comet-server");
        if (Files.isExecutable(launcher) && Files.exists(root.resolve("comet/target/spectrum-comet-server.jar"))) {
            return List.of(launcher.toString());
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dlogback.configurationFile=comet-server-logback.xml");
        for (String opt : javaOpts.trim().split("\\s+")) {
            if (!opt.isEmpty()) {
                command.add(opt);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.spectrumcomet.comet.CometServer"));
        return command;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public InetSocketAddress ws() {
        return ws;
    }

    public CometQlTarget cometql() {
        return cometql;
    }

    @Override
    public Publisher publisher(String pipe, String event) throws Exception {
        return CometQlPublisher.connect(cometql, pipe, event);
    }

    @Override
    public List<Long> pids() {
        return List.of(process.pid());
    }

    @Override
    public boolean jvm() {
        return true;
    }

    @Override
    public void close() {
        ProcessStop.stop(process, 15);
    }
}

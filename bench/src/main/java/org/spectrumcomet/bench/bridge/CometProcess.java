package org.spectrumcomet.bench.bridge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.spectrumcomet.conformance.comet.CometTarget;

/**
 * Our comet server under test, as its own process: {@code bin/comet-server} when built (full JIT,
 * unlike the conformance kit's fast-starting C1-only server), else the same main class from this
 * class path. Its own data directory, ephemeral ports on 127.0.0.1, tenant 0; its log (stderr) goes
 * to {@code <workDir>/comet-server.log}, stdout carries only the ready line with the real ports.
 */
final class CometProcess implements AutoCloseable {

    static final String TENANT_KEY = "benchkey";
    private static final Pattern READY = Pattern.compile("comet-server ready cometql=[^ ]*:(\\d+) ws=[^ ]*:(\\d+).*");

    private final Process process;
    private final CometTarget target;

    private CometProcess(Process process, CometTarget target) {
        this.process = process;
        this.target = target;
    }

    /** Starts the server with a fresh data directory under {@code workDir} and waits for its ready line. */
    static CometProcess start(Path root, Path workDir, int maxQueuedPerUser, String fsync) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(workDir.resolve("comet-" + System.nanoTime()));
        Path ini = dir.resolve("comet.ini");
        Files.writeString(ini, "[limits]\nmax_queued_per_user = " + maxQueuedPerUser + "\n[store]\nfsync = " + fsync + "\n",
                StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>();
        Path launcher = root.resolve("bin").resolve("comet-server");
        ProcessBuilder builder = new ProcessBuilder(command);
        if (Files.isExecutable(launcher) && Files.isRegularFile(root.resolve("comet/target/spectrum-comet-server.jar"))) {
            command.add(launcher.toString());
        } else {
            command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "org.spectrumcomet.comet.CometServer"));
        }
        command.addAll(List.of("--config", ini.toString(), "--cometql", "127.0.0.1:0", "--ws", "127.0.0.1:0",
                "--tenant", "0:" + TENANT_KEY, "--data-dir", Files.createDirectories(dir.resolve("data")).toString()));
        // the server logs to stderr (a log file here); JFR or heap options for it come from BENCH_COMET_JAVA_OPTS
        String opts = System.getenv("BENCH_COMET_JAVA_OPTS");
        if (opts != null) {
            builder.environment().put("JAVA_OPTS", opts);
        }
        Path log = dir.resolve("comet-server.log");
        Process p = builder.redirectError(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        try {
            // the JVM may print first (a JFR recording's startup lines): skip to the ready line
            line = CompletableFuture.supplyAsync(() -> {
                try {
                    for (String l = out.readLine(); l != null; l = out.readLine()) {
                        if (READY.matcher(l).matches()) {
                            return l;
                        }
                    }
                    return null;
                } catch (IOException e) {
                    return null;
                }
            }).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
            throw new IOException("the comet server printed no ready line within 60 s (log: " + log + ")");
        }
        Matcher m = line == null ? null : READY.matcher(line);
        if (m == null || !m.matches()) {
            p.destroyForcibly();
            throw new IOException("the comet server did not start (" + line + "); log: " + log);
        }
        return new CometProcess(p, new CometTarget("127.0.0.1", Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 0, TENANT_KEY));
    }

    CometTarget target() {
        return target;
    }

    long pid() {
        return process.pid();
    }

    /** SIGTERM, then SIGKILL after 10 s; only this process, by its handle. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}

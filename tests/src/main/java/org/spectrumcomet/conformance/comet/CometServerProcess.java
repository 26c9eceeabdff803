package org.spectrumcomet.conformance.comet;

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

/**
 * Our comet server as its own process, started as {@code bin/comet-server} starts it ({@code java
 * -cp <this class path> org.spectrumcomet.comet.CometServer <flags>}), so tests can kill it with
 * SIGKILL and start it again on the same ports and data directory. Its log (stderr) is appended
 * to {@code <workDir>/comet-server.log}; stdout carries only the ready line with the real ports.
 */
public final class CometServerProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("comet-server ready cometql=[^ ]*:(\\d+) ws=[^ ]*:(\\d+) .*");
    private static final long READY_SECONDS = 30;

    private final Settings settings;
    private final Process process;
    private final CometTarget target;

    /**
     * How to start the server.
     *
     * @param workDir where the log (and the comet.ini) go
     * @param dataDir the store directory, or null for {@code --in-memory}
     * @param tenantId the tenant
     * @param tenantKey its key
     * @param maxQueuedPerUser the offline queue bound ({@code [limits] max_queued_per_user})
     * @param cometqlPort 0 for an ephemeral port
     * @param wsPort 0 for an ephemeral port
     */
    public record Settings(Path workDir, Path dataDir, int tenantId, String tenantKey, int maxQueuedPerUser,
                           int cometqlPort, int wsPort) {

        public static Settings inMemory(Path workDir, String tenantKey) {
            return new Settings(workDir, null, 0, tenantKey, 1000, 0, 0);
        }

        public Settings withDataDir(Path dir) {
            return new Settings(workDir, dir, tenantId, tenantKey, maxQueuedPerUser, cometqlPort, wsPort);
        }

        public Settings withMaxQueuedPerUser(int max) {
            return new Settings(workDir, dataDir, tenantId, tenantKey, max, cometqlPort, wsPort);
        }

        Settings withPorts(int cometql, int ws) {
            return new Settings(workDir, dataDir, tenantId, tenantKey, maxQueuedPerUser, cometql, ws);
        }
    }

    private CometServerProcess(Settings settings, Process process, CometTarget target) {
        this.settings = settings;
        this.process = process;
        this.target = target;
    }

    /** Starts the server and waits for its ready line (at most 30 s). */
    public static CometServerProcess start(Settings settings) throws IOException, InterruptedException {
        Files.createDirectories(settings.workDir());
        Path ini = settings.workDir().resolve("comet.ini");
        Files.writeString(ini, "# written by the conformance kit\n[limits]\nmax_queued_per_user = "
                + settings.maxQueuedPerUser() + "\n", StandardCharsets.UTF_8);
        // This class path may carry a logback config that logs to stdout: the server's log goes to stderr.
        Path logback = settings.workDir().resolve("comet-logback.xml");
        Files.writeString(logback, "<configuration><appender name=\"E\" class=\"ch.qos.logback.core.ConsoleAppender\">"
                + "<target>System.err</target><encoder><pattern>%d{HH:mm:ss.SSS} [%thread] %-5level %logger{36} - %msg%n"
                + "</pattern></encoder></appender><logger name=\"io.netty\" level=\"INFO\"/>"
                + "<root level=\"INFO\"><appender-ref ref=\"E\"/></root></configuration>\n", StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlogback.configurationFile=" + logback, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "org.spectrumcomet.comet.CometServer", "--config", ini.toString(),
                "--cometql", "127.0.0.1:" + settings.cometqlPort(), "--ws", "127.0.0.1:" + settings.wsPort(),
                "--tenant", settings.tenantId() + ":" + settings.tenantKey()));
        if (settings.dataDir() == null) {
            command.add("--in-memory");
        } else {
            command.addAll(List.of("--data-dir", settings.dataDir().toString()));
        }
        Path log = settings.workDir().resolve("comet-server.log");
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        try {
            line = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    return null;
                }
            }).get(READY_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
            throw new IOException("the comet server printed no ready line within " + READY_SECONDS + " s (log: " + log + ")");
        }
        Matcher m = line == null ? null : READY.matcher(line);
        if (m == null || !m.matches()) {
            p.destroyForcibly();
            throw new IOException("the comet server did not start (" + (line == null ? "no output" : line) + "); log: " + log);
        }
        return new CometServerProcess(settings, p,
                new CometTarget("127.0.0.1", Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        settings.tenantId(), settings.tenantKey()));
    }

    public CometTarget target() {
        return target;
    }

    /** The server's process id (for probes such as jcmd and /proc). */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: nothing is flushed, no shutdown hook runs; returns once the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the comet server survived SIGKILL");
        }
    }

    /** A new process on the same ports and data directory (after {@link #kill()}). */
    public CometServerProcess restart() throws IOException, InterruptedException {
        if (process.isAlive()) {
            throw new IllegalStateException("the comet server is still running");
        }
        return start(settings.withPorts(target.cometqlPort(), target.wsPort()));
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}

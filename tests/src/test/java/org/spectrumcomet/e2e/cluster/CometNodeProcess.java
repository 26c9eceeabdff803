package org.spectrumcomet.e2e.cluster;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.spectrumcomet.conformance.comet.CometTarget;

/**
 * One comet node as a child process, launched as {@code bin/comet-server} launches it (the comet
 * server's main class on this class path) with {@code --redis}; ephemeral loopback ports read from
 * its ready line. Its log goes to {@code <dir>/comet-server.log}. {@link #kill()} is SIGKILL.
 */
final class CometNodeProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("comet-server ready cometql=[^ ]*:(\\d+) ws=[^ ]*:(\\d+) .*");

    private final Process process;
    private final CometTarget target;
    private final Path dir;
    private final String redis;
    private final int presenceTimeout;

    private CometNodeProcess(Process process, CometTarget target, Path dir, String redis, int presenceTimeout) {
        this.process = process;
        this.target = target;
        this.dir = dir;
        this.redis = redis;
        this.presenceTimeout = presenceTimeout;
    }

    /**
     * @param presenceTimeout seconds a killed node's users stay online for the others ({@code [redis] presence_timeout})
     */
    static CometNodeProcess start(Path dir, String redis, int tenant, String key, int presenceTimeout) throws Exception {
        return start(dir, redis, tenant, key, presenceTimeout, 0, 0);
    }

    /** The node again, after {@link #kill()}: same ports, same Redis, its log appended to. */
    CometNodeProcess restart() throws Exception {
        return start(dir, redis, target.tenantId(), target.tenantKey(), presenceTimeout, target.cometqlPort(),
                target.wsPort());
    }

    /** The node's log so far. */
    String log() throws java.io.IOException {
        return Files.readString(dir.resolve("comet-server.log"));
    }

    private static CometNodeProcess start(Path dir, String redis, int tenant, String key, int presenceTimeout,
                                          int cometqlPort, int wsPort) throws Exception {
        Files.createDirectories(dir);
        Path ini = Files.writeString(dir.resolve("comet.ini"), "[redis]\naddress = " + redis
                + "\npresence_timeout = " + presenceTimeout + "\n");
        Path logback = Files.writeString(dir.resolve("logback.xml"), "<configuration><appender name=\"E\" "
                + "class=\"ch.qos.logback.core.ConsoleAppender\"><target>System.err</target><encoder><pattern>"
                + "%d{HH:mm:ss.SSS} [%thread] %-5level %logger{36} - %msg%n</pattern></encoder></appender>"
                + "<logger name=\"io.netty\" level=\"INFO\"/><logger name=\"io.lettuce\" level=\"INFO\"/>"
                + "<root level=\"INFO\"><appender-ref ref=\"E\"/></root></configuration>\n");
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlogback.configurationFile=" + logback, "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "org.spectrumcomet.comet.CometServer",
                "--config", ini.toString(), "--cometql", "127.0.0.1:" + cometqlPort, "--ws", "127.0.0.1:" + wsPort,
                "--tenant", tenant + ":" + key))
                .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("comet-server.log").toFile())).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        try {
            line = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (java.io.IOException e) {
                    return null;
                }
            }).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            line = null;
        }
        Matcher m = line == null ? null : READY.matcher(line);
        if (m == null || !m.matches()) {
            p.destroyForcibly();
            throw new IllegalStateException("comet node did not start (" + line + "); log: "
                    + dir.resolve("comet-server.log"));
        }
        return new CometNodeProcess(p, new CometTarget("127.0.0.1", Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)), tenant, key), dir, redis, presenceTimeout);
    }

    CometTarget target() {
        return target;
    }

    /** SIGKILL; returns once the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("comet node survived SIGKILL");
        }
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

package org.spectrumcomet.comet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The comet server as a real child process, started the way {@code bin/comet-server} starts it
 * ({@code java -cp … CometServer <flags>}), for tests that need kill -9 or a real restart.
 *
 * <p>The child's stderr (its log) is appended to {@code <logDir>/server.log}, so a restarted
 * server's log follows the first one's; its stdout carries only the ready line.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile(
            "comet-server ready cometql=[^ ]*:(\\d+) ws=[^ ]*:(\\d+) http=[^ ]*:(\\d+) .*");

    private final Process process;
    private final String readyLine;
    private final Path log;
    private final Matcher ports;

    private ServerProcess(Process process, String readyLine, Path log) {
        this.process = process;
        this.readyLine = readyLine;
        this.log = log;
        this.ports = READY.matcher(readyLine);
        if (!ports.matches()) {
            process.destroyForcibly();
            throw new AssertionError("unexpected ready line: " + readyLine);
        }
    }

    /** Starts the server and waits (at most 30 s) for its ready line. */
    public static ServerProcess launch(Path logDir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlogback.configurationFile=comet-server-logback.xml",
                "-cp", System.getProperty("java.class.path"), CometServer.class.getName()));
        command.addAll(List.of(args));
        Path log = logDir.resolve("server.log");
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
            }).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
            throw new AssertionError("server printed no ready line within 30 s: " + Files.readString(log), e);
        }
        if (line == null) {
            p.waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("server did not start: " + Files.readString(log));
        }
        return new ServerProcess(p, line, log);
    }

    public Process process() {
        return process;
    }

    public String readyLine() {
        return readyLine;
    }

    public int cometqlPort() {
        return Integer.parseInt(ports.group(1));
    }

    public int wsPort() {
        return Integer.parseInt(ports.group(2));
    }

    public int httpPort() {
        return Integer.parseInt(ports.group(3));
    }

    /** The server's log so far (stderr of every run with the same log directory). */
    public String log() throws IOException {
        return Files.readString(log);
    }

    /** A MariaDB Connector/J connection with default options, as tenant {@code user}. */
    public Connection cometql(String user, String key) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + cometqlPort()
                + "/CometQL_v1?connectTimeout=5000&socketTimeout=5000", user, key);
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed. Waits until the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            throw new AssertionError("server survived SIGKILL");
        }
    }

    /** SIGTERM; waits for the exit and returns its code. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("server did not stop within 20 s of SIGTERM");
        }
        return process.exitValue();
    }

    /** Kills the process if a test left it running. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}

package org.spectrumcomet.comet.engine.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real {@code redis-server} for tests: loopback only, a free port, its own directory, no
 * snapshots unless asked for, stopped by its PID. Tests call {@link #assumeInstalled()} first so
 * they are skipped (with the reason) on a machine without Redis; CI installs it ({@code .ci/run}).
 */
public final class RedisServer implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path dir;

    private RedisServer(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    /** Skips the calling test when no {@code redis-server} is on the PATH. */
    public static void assumeInstalled() {
        Assumptions.assumeTrue(installed(), "redis-server is not installed (Debian package redis-server; "
                + ".ci/run installs it): Redis engine tests skipped");
    }

    static boolean installed() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "redis-server"))) {
                return true;
            }
        }
        return false;
    }

    /** Starts Redis without persistence in {@code dir}; waits until it answers PING. */
    public static RedisServer start(Path dir) throws Exception {
        return start(dir, 0, false);
    }

    /**
     * @param port 0 for a free one; a given port restarts Redis where clients expect it
     * @param appendOnly true to keep data across a restart (even kill -9) in {@code dir}: every
     *                   write is fsynced before Redis answers
     */
    public static RedisServer start(Path dir, int port, boolean appendOnly) throws Exception {
        Files.createDirectories(dir);
        for (int attempt = 0; ; attempt++) {
            int chosen = port != 0 ? port : freePort();
            List<String> command = new ArrayList<>(List.of("redis-server", "--port", Integer.toString(chosen),
                    "--bind", "127.0.0.1", "--dir", dir.toString(), "--save", "", "--daemonize", "no",
                    "--appendonly", appendOnly ? "yes" : "no", "--appendfsync", "always",
                    "--logfile", dir.resolve("redis.log").toString()));
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("redis.out").toFile())).start();
            RedisServer server = new RedisServer(p, chosen, dir);
            if (server.awaitPing()) {
                return server;
            }
            server.close();
            if (attempt == 2 || port != 0) {
                throw new AssertionError("redis-server did not start on port " + chosen + ": "
                        + Files.readString(dir.resolve("redis.log")));
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private boolean awaitPing() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                OutputStream out = s.getOutputStream();
                out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = s.getInputStream();
                byte[] reply = new byte[7];
                if (in.readNBytes(reply, 0, 7) == 7 && new String(reply, StandardCharsets.US_ASCII).equals("+PONG\r\n")) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** Sends one inline command (e.g. {@code CLIENT KILL TYPE pubsub}) and returns Redis's first reply line. */
    public String command(String inline) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            s.setSoTimeout(5000);
            s.getOutputStream().write((inline + "\r\n").getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
                line.append((char) c);
            }
            return line.toString().trim();
        }
    }

    public int port() {
        return port;
    }

    public String address() {
        return "redis://127.0.0.1:" + port;
    }

    public RedisSettings settings() {
        return RedisSettings.parse(address()).withPresenceTimeout(java.time.Duration.ofSeconds(3))
                .withCommandTimeout(java.time.Duration.ofSeconds(2));
    }

    public Path dir() {
        return dir;
    }

    /** SIGKILL, as a crash would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM by PID, then SIGKILL if it lingers. */
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

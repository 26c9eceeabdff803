package org.spectrumcomet.e2e.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A throw-away {@code redis-server}: 127.0.0.1 on a free port, its own directory, no persistence;
 * ready once it answers PING. {@link #assumeInstalled()} skips the calling test where Redis is absent.
 */
final class RedisProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private RedisProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static void assumeInstalled() {
        boolean found = false;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            found |= Files.isExecutable(Path.of(dir, "redis-server"));
        }
        Assumptions.assumeTrue(found, "redis-server is not installed (Debian package redis-server, installed by "
                + ".ci/run): the bridge-over-several-nodes tests are skipped");
    }

    static RedisProcess start(Path dir) throws Exception {
        Files.createDirectories(dir);
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Process p = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--dir", dir.toString(), "--save", "", "--appendonly", "no", "--daemonize", "no",
                "--logfile", dir.resolve("redis.log").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("redis.out").toFile()).start();
        RedisProcess redis = new RedisProcess(p, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!redis.pong()) {
            if (System.nanoTime() > deadline || !p.isAlive()) {
                redis.close();
                throw new IllegalStateException("redis-server did not answer PING on port " + port + " (see "
                        + dir.resolve("redis.log") + ")");
            }
            Thread.sleep(20);
        }
        return redis;
    }

    private boolean pong() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            s.setSoTimeout(1000);
            s.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            return new String(s.getInputStream().readNBytes(7), StandardCharsets.US_ASCII).equals("+PONG\r\n");
        } catch (IOException e) {
            return false;
        }
    }

    String address() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}

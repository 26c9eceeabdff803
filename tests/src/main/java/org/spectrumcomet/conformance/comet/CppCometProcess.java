package org.spectrumcomet.conformance.comet;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real CppComet of the test peer folder ({@code $CPPCOMET_HOME}, see its README): started with
 * {@code start --dir DIR --cometql P1 --ws P2 --db-port P3 --password PW} on free loopback ports,
 * stopped with {@code stop --dir DIR}. {@code DIR} is a fresh temporary folder (its private MariaDB
 * takes about 130 MB), deleted after a clean stop unless {@code CPPCOMET_KEEP} is set; when start
 * or stop fails it stays, with the logs ({@code cppcomet.log}, {@code mariadb.log}, {@code start.err}).
 * CppComet has one password for every tenant; the target names tenant 0, whose CometQL user is
 * {@code root}.
 */
public final class CppCometProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CppCometProcess.class);
    /** The peer's README: {@code cppcomet ready cometql=H:P ws=H:P user=root password=PW db=CometQL_v1}. */
    private static final Pattern READY = Pattern.compile(
            "cppcomet ready cometql=([0-9.]+):(\\d+) ws=([0-9.]+):(\\d+) user=(\\S+) password=(\\S+) db=\\S+");
    private static final long START_SECONDS = 120;

    private final Path home;
    private final Path dir;
    private final CometTarget target;

    private CppCometProcess(Path home, Path dir, CometTarget target) {
        this.home = home;
        this.dir = dir;
        this.target = target;
    }

    /** {@code $CPPCOMET_HOME}, or null when it is unset (tests that need CppComet are then skipped). */
    public static Path homeFromEnvironment() {
        String env = System.getenv("CPPCOMET_HOME");
        return env == null || env.isBlank() ? null : Path.of(env);
    }

    /**
     * Starts CppComet in a fresh folder and waits for its ready line.
     *
     * @throws IOException naming the logs to read when {@code start} fails or hangs
     */
    public static CppCometProcess start(Path home) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("cppcomet-tests-");
        try {
            return start(home, dir);
        } catch (IOException | RuntimeException e) {
            try {
                stop(home, dir); // start may have left MariaDB running
            } catch (IOException stopFailed) {
                e.addSuppressed(stopFailed);
            }
            throw e;
        }
    }

    private static CppCometProcess start(Path home, Path dir) throws IOException, InterruptedException {
        int[] ports = freePorts(3);
        String password = "cpp" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
        Path err = dir.resolve("start.err");
        Process p = new ProcessBuilder(home.resolve("start").toString(), "--dir", dir.toString(),
                "--cometql", Integer.toString(ports[0]), "--ws", Integer.toString(ports[1]),
                "--db-port", Integer.toString(ports[2]), "--password", password)
                .redirectError(err.toFile()).start();
        if (!p.waitFor(START_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("cppcomet start did not finish in " + START_SECONDS + " s; see " + err);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        Matcher m = READY.matcher(out);
        if (p.exitValue() != 0 || !m.find()) {
            throw new IOException("cppcomet start failed (exit " + p.exitValue() + ", '" + out + "'); see " + err
                    + ", " + dir.resolve("cppcomet.log") + ", " + dir.resolve("mariadb.log"));
        }
        if (!m.group(1).equals(m.group(3))) {
            throw new IOException("cppcomet listens on two hosts: " + out);
        }
        LOG.info("cppcomet in {}: {}", dir, out);
        return new CppCometProcess(home, dir, new CometTarget(m.group(1), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(4)), 0, m.group(6)));
    }

    /** Tenant 0 ({@code root}) with the server password. */
    public CometTarget target() {
        return target;
    }

    /** The same server as tenant {@code devId}: CppComet lets every dev_id log in with the one password. */
    public CometTarget tenant(int devId) {
        return new CometTarget(target.host(), target.cometqlPort(), target.wsPort(), devId, target.tenantKey());
    }

    public Path dir() {
        return dir;
    }

    private static int[] freePorts(int n) throws IOException {
        ServerSocket[] sockets = new ServerSocket[n];
        int[] ports = new int[n];
        try {
            for (int i = 0; i < n; i++) {
                sockets[i] = new ServerSocket(0);
                ports[i] = sockets[i].getLocalPort();
            }
        } finally {
            for (ServerSocket s : sockets) {
                if (s != null) {
                    s.close();
                }
            }
        }
        return ports;
    }

    /** Runs {@code stop} (CppComet and its MariaDB), then deletes the folder unless {@code CPPCOMET_KEEP} is set. */
    @Override
    public void close() throws IOException, InterruptedException {
        stop(home, dir);
        if (System.getenv("CPPCOMET_KEEP") == null) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path f : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    private static void stop(Path home, Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(home.resolve("stop").toString(), "--dir", dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("stop.out").toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("cppcomet stop did not finish in 60 s; see " + dir.resolve("stop.out"));
        }
        if (p.exitValue() != 0) {
            throw new IOException("cppcomet stop failed (exit " + p.exitValue() + "); see " + dir.resolve("stop.out"));
        }
    }
}

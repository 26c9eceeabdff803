package org.spectrumcomet.bench.comet.target;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.spectrumcomet.bench.comet.load.CometQlPublisher;
import org.spectrumcomet.bench.comet.load.CometQlPublisher.CometQlTarget;
import org.spectrumcomet.bench.comet.load.Publisher;

/**
 * The real CppComet from {@code $CPPCOMET_HOME} (see its README): {@code start --dir DIR
 * --cometql P1 --ws P2} on free loopback ports, {@code stop --dir DIR} at the end. Its memory is
 * the supervisor plus its worker child (the one that owns the listeners); its private MariaDB is
 * not counted (our server's SQLite lives inside its own process, so this favours CppComet).
 */
public final class CppCometServer implements ServerUnderTest {

    private final Path home;
    private final Path dir;
    private final InetSocketAddress ws;
    private final CometQlTarget cometql;

    private CppCometServer(Path home, Path dir, InetSocketAddress ws, CometQlTarget cometql) {
        this.home = home;
        this.dir = dir;
        this.ws = ws;
        this.cometql = cometql;
    }

    public static CppCometServer start(Path home, Path dir) throws IOException {
        Files.createDirectories(dir);
        int cometqlPort = freePort();
        int wsPort = freePort();
        Path log = dir.resolve("start.log");
        Process start = new ProcessBuilder(home.resolve("start").toString(), "--dir", dir.toString(),
                "--cometql", Integer.toString(cometqlPort), "--ws", Integer.toString(wsPort),
                "--db-port", Integer.toString(freePort()))
                .redirectError(log.toFile()).start();
        try {
            ReadyLine ready = ReadyLine.await(start, "cppcomet ready", 120, log + " and " + dir.resolve("cppcomet.log"));
            start.waitFor(10, TimeUnit.SECONDS);
            String password = ready.text().replaceAll(".*\\bpassword=(\\S+).*", "$1");
            return new CppCometServer(home, dir, new InetSocketAddress("127.0.0.1", ready.port("ws")),
                    new CometQlTarget("127.0.0.1", ready.port("cometql"), "root", password));
        } catch (IOException | RuntimeException e) {
            ProcessStop.stop(start, 5);
            stop(home, dir);
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(home, dir);
            throw new IOException("interrupted starting CppComet");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public String name() {
        return "CppComet";
    }

    @Override
    public InetSocketAddress ws() {
        return ws;
    }

    @Override
    public Publisher publisher(String pipe, String event) throws Exception {
        return CometQlPublisher.connect(cometql, pipe, event);
    }

    public CometQlTarget cometql() {
        return cometql;
    }

    /** The supervisor (from cppcomet.pid) and its children. */
    @Override
    public List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        try {
            long supervisor = Long.parseLong(Files.readString(dir.resolve("cppcomet.pid")).trim());
            pids.add(supervisor);
            Path children = Path.of("/proc", Long.toString(supervisor), "task", Long.toString(supervisor), "children");
            if (Files.exists(children)) {
                for (String child : Files.readString(children).trim().split("\\s+")) {
                    if (!child.isEmpty()) {
                        pids.add(Long.parseLong(child));
                    }
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not running: no pids
        }
        return pids;
    }

    /** CppComet's own log (crashes print a backtrace there). */
    public Path log() {
        return dir.resolve("cppcomet.log");
    }

    @Override
    public boolean jvm() {
        return false;
    }

    @Override
    public void close() {
        stop(home, dir);
    }

    private static void stop(Path home, Path dir) {
        try {
            Process stop = new ProcessBuilder(home.resolve("stop").toString(), "--dir", dir.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("stop.log").toFile()).start();
            if (!stop.waitFor(60, TimeUnit.SECONDS)) {
                stop.destroyForcibly();
            }
        } catch (IOException e) {
            // nothing more we can do; the log says why
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

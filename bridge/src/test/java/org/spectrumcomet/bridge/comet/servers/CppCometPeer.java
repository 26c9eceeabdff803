package org.spectrumcomet.bridge.comet.servers;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.spectrumcomet.bridge.comet.CometEndpoint;

/**
 * The real CppComet from {@code /work/shared/peers/cppcomet} (or {@code $CPPCOMET_HOME}), started
 * once per test run in a temp dir on free loopback ports and stopped at the end of the run.
 */
public final class CppCometPeer implements CometServerUnderTest, ExtensionContext.Store.CloseableResource {

    private static final Path DEFAULT_HOME = Path.of("/work/shared/peers/cppcomet");
    private static final Pattern READY = Pattern.compile(
            "cppcomet ready cometql=([0-9.]+):([0-9]+) ws=([0-9.]+):([0-9]+) user=(\\S+) password=(\\S+) db=\\S+");

    private final Path home;
    private final Path dir;
    private final CometEndpoint endpoint;

    private CppCometPeer(Path home, Path dir, CometEndpoint endpoint) {
        this.home = home;
        this.dir = dir;
        this.endpoint = endpoint;
    }

    /** The peer's folder, or null when this machine has none (tests are then skipped). */
    public static Path home() {
        String env = System.getenv("CPPCOMET_HOME");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Files.isExecutable(DEFAULT_HOME.resolve("start")) ? DEFAULT_HOME : null;
    }

    /** The run-wide instance (started on first use). */
    public static CppCometPeer shared(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(CppCometPeer.class, k -> start(), CppCometPeer.class);
    }

    static CppCometPeer start() {
        Path home = home();
        try {
            Path dir = Files.createTempDirectory("cppcomet-bridge-");
            int[] ports = freePorts(3);
            Process p = new ProcessBuilder(home.resolve("start").toString(), "--dir", dir.toString(),
                    "--cometql", Integer.toString(ports[0]), "--ws", Integer.toString(ports[1]),
                    "--db-port", Integer.toString(ports[2]))
                    .redirectError(dir.resolve("start.err").toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("cppcomet start did not finish in 120 s; see " + dir);
            }
            String out = new String(p.getInputStream().readAllBytes(), UTF_8).trim();
            Matcher m = READY.matcher(out);
            if (p.exitValue() != 0 || !m.find()) {
                throw new IllegalStateException("cppcomet start failed (exit " + p.exitValue() + "): " + out + "\n"
                        + tail(dir.resolve("start.err")) + tail(dir.resolve("cppcomet.log")));
            }
            CometEndpoint endpoint = CometEndpoint.fromConfig(Map.of(
                    "cometql", m.group(1) + ":" + m.group(2), "ws", m.group(3) + ":" + m.group(4),
                    "user", m.group(5), "key", m.group(6), "connect_timeout", "3s", "query_timeout", "5s",
                    "login_timeout", "5s", "reconnect_min", "100ms", "reconnect_max", "1s"));
            return new CppCometPeer(home, dir, endpoint);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start cppcomet: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting cppcomet", e);
        }
    }

    static int[] freePorts(int n) throws IOException {
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

    private static String tail(Path file) {
        try {
            String text = Files.readString(file, UTF_8);
            return "--- " + file + "\n" + (text.length() > 3000 ? text.substring(text.length() - 3000) : text) + "\n";
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public String name() {
        return "cppcomet";
    }

    @Override
    public CometEndpoint endpoint() {
        return endpoint;
    }

    /** The CppComet instance's own folder (logs). */
    public Path dir() {
        return dir;
    }

    @Override
    public void close() throws Exception {
        Process p = new ProcessBuilder(home.resolve("stop").toString(), "--dir", dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("stop.out").toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return; // keep the folder: something may still run there
        }
        if (p.exitValue() == 0 && System.getenv("CPPCOMET_KEEP") == null) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}

package org.spectrumcomet.peers;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Debian package's Prosody as the users' XMPP server, with its own config in DIR
 * ({@code prosody.cfg.lua}): one virtual host, c2s and the component port on free loopback ports,
 * plain SASL without TLS (loopback only), no s2s, and one external component (the transport). Its
 * data, pid file and log ({@code prosody.log}, stdout in {@code prosody.out}) stay in DIR. Accounts
 * are made with {@code prosodyctl --config} before it starts. Stopped by PID: SIGTERM, then SIGKILL.
 */
final class ProsodyServer implements AutoCloseable {

    static final String BINARY = "/usr/bin/prosody";
    static final String CTL = "/usr/bin/prosodyctl";

    private static final Logger LOG = LoggerFactory.getLogger(ProsodyServer.class);
    private static final long READY_MS = 20_000;
    private static final int PORT_ATTEMPTS = 3;

    private final Process process;
    private final int c2sPort;
    private final int componentPort;

    private ProsodyServer(Process process, int c2sPort, int componentPort) {
        this.process = process;
        this.c2sPort = c2sPort;
        this.componentPort = componentPort;
    }

    /** Why Prosody cannot be used here, or empty (the suites skip with this reason). */
    static Optional<String> unavailableReason() {
        if (!Files.isExecutable(Path.of(BINARY)) || !Files.isExecutable(Path.of(CTL))) {
            return Optional.of(BINARY + " is missing: the component-mode suite needs the Debian package prosody"
                    + " (apt-get install prosody; .ci/run installs it)");
        }
        return Optional.empty();
    }

    /**
     * Writes the config, creates {@code accounts} (name → password) on {@code host} and starts
     * Prosody, accepting {@code component} with {@code secret}; returns once both ports listen.
     */
    static ProsodyServer start(Path dir, String host, Map<String, String> accounts, String component, String secret)
            throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("data"));
        Files.createDirectories(dir.resolve("certs"));
        for (int attempt = 1; ; attempt++) {
            int c2s = freeLoopbackPort();
            int comp = freeLoopbackPort();
            Path config = dir.resolve("prosody.cfg.lua");
            Files.writeString(config, ProsodyConfig.text(dir, host, c2s, comp, component, secret));
            for (Map.Entry<String, String> account : accounts.entrySet()) {
                register(dir, config, account.getKey(), host, account.getValue());
            }
            Process p = new ProcessBuilder(BINARY, "--config", config.toString(), "-F")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("prosody.out").toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            ProsodyServer server = new ProsodyServer(p, c2s, comp);
            if (server.awaitPorts()) {
                LOG.info("prosody {} ready: c2s 127.0.0.1:{}, component {} on 127.0.0.1:{}, in {}",
                        p.pid(), c2s, component, comp, dir);
                return server;
            }
            server.close();
            if (attempt == PORT_ATTEMPTS) {
                throw new IllegalStateException("prosody did not listen on " + c2s + "/" + comp + " within "
                        + READY_MS + " ms; see " + dir.resolve("prosody.log") + " and prosody.out");
            }
            LOG.info("prosody did not come up on ports {}/{} (taken meanwhile?), trying others", c2s, comp);
        }
    }

    private static void register(Path dir, Path config, String user, String host, String password)
            throws IOException, InterruptedException {
        Process p = new ProcessBuilder(CTL, "--config", config.toString(), "register", user, host, password)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("prosodyctl.out").toFile())).start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("prosodyctl register " + user + " " + host + " failed; see "
                    + dir.resolve("prosodyctl.out"));
        }
    }

    private boolean awaitPorts() throws InterruptedException {
        long deadline = System.currentTimeMillis() + READY_MS;
        while (System.currentTimeMillis() < deadline && process.isAlive()) {
            if (listening(c2sPort) && listening(componentPort)) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    int c2sPort() {
        return c2sPort;
    }

    int componentPort() {
        return componentPort;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                LOG.warn("prosody {} ignored SIGTERM, sending SIGKILL", process.pid());
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

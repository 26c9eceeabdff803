package org.spectrumcomet.peers;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One real Spectrum 2 main instance (server mode, {@value #DOMAIN}) per test class, registered as
 * {@code @RegisterExtension static final SpectrumServerFixture SPECTRUM = ...}:
 * <ol>
 *   <li>without a usable {@code SPECTRUM2_HOME}, disables every test of the class with the reason
 *       (test by test, not the class: surefire and failsafe count skipped tests, and a skipped
 *       class would show as "Tests run: 0");</li>
 *   <li>empties {@code tests/target/peers/<TestClass>/} and runs
 *       {@code $SPECTRUM2_HOME/start --dir DIR --backend CMD --xmpp-port P [--append FILE]} on a
 *       free loopback port, retrying on a port race, until it prints its ready line (which means
 *       the backend is connected and answered PING);</li>
 *   <li>afterwards closes the clients, runs {@code stop --dir DIR} and kills any process still
 *       naming {@code DIR/spectrum.cfg} (the backends: spectrum2 {@code setsid}s them, so they are
 *       not our descendants). A JVM shutdown hook does the same if the run is interrupted.</li>
 * </ol>
 * Every log stays in DIR: {@code start.out}, {@code spectrum.log}, {@code spectrum2.out} (the
 * backends' stderr too), {@code backend-*.log}, {@code stop.out}.
 */
public final class SpectrumServerFixture implements ExecutionCondition, BeforeAllCallback, AfterAllCallback {

    public static final String DOMAIN = "localhost";

    private static final Logger LOG = LoggerFactory.getLogger(SpectrumServerFixture.class);
    /** start waits 60 s for the port itself, plus a possible apt-get of missing runtime packages. */
    private static final long START_TIMEOUT_SECONDS = 240;
    private static final long STOP_TIMEOUT_SECONDS = 40;
    private static final int PORT_ATTEMPTS = 3;

    private final Supplier<PeerBackend> backend;
    private SpectrumHome home;
    private Path dir;
    private int xmppPort;
    /** {@code start --users-per-backend}; 0 keeps the bundle's default (10). */
    private int usersPerBackend;
    private SmackClients clients;
    private Thread shutdownHook;

    private SpectrumServerFixture(Supplier<PeerBackend> backend) {
        this.backend = backend;
    }

    /**
     * The backend is resolved only when the class really runs (after the SPECTRUM2_HOME check), once
     * {@link #dir()} exists and is empty.
     */
    public static SpectrumServerFixture with(Supplier<PeerBackend> backend) {
        return new SpectrumServerFixture(backend);
    }

    /**
     * How many users spectrum2 puts on one backend process before it spawns another
     * ({@code [service] users_per_backend}); call before the class starts.
     */
    public SpectrumServerFixture withUsersPerBackend(int users) {
        this.usersPerBackend = users;
        return this;
    }

    public int xmppPort() {
        return xmppPort;
    }

    public Path dir() {
        return dir;
    }

    /** Smack clients for this instance; closed when the class ends. */
    public SmackClients clients() {
        return clients;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<String> reason = SpectrumHome.unavailableReason();
        if (reason.isPresent() && context.getTestMethod().isPresent()) {
            return ConditionEvaluationResult.disabled(reason.get());
        }
        return ConditionEvaluationResult.enabled(reason.isEmpty() ? SpectrumHome.ENV + " is set" : "skipped test by test");
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (SpectrumHome.unavailableReason().isPresent()) {
            return;
        }
        home = SpectrumHome.fromEnvironment();
        dir = PeerBackend.repoRoot().resolve("tests/target/peers").resolve(context.getRequiredTestClass().getSimpleName());
        emptyDirectory(dir);
        // After emptying DIR: a backend supplier may start its own processes with their files in DIR.
        PeerBackend peer = backend.get();
        shutdownHook = new Thread(this::stopQuietly, "spectrum2-stop-" + dir.getFileName());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        start(peer);
        clients = new SmackClients(DOMAIN, xmppPort);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (clients != null) {
            clients.close();
        }
        if (dir != null) {
            stopQuietly();
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
            LOG.info("spectrum2 for {} stopped; logs kept in {}", context.getRequiredTestClass().getSimpleName(), dir);
        }
    }

    private void start(PeerBackend peer) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(home.start().toString(), "--dir", dir.toString(),
                "--backend", peer.command(), "--jid", DOMAIN));
        if (usersPerBackend > 0) {
            command.addAll(List.of("--users-per-backend", Integer.toString(usersPerBackend)));
        }
        if (!peer.extraConfig().isEmpty()) {
            Path extra = dir.resolve("extra.cfg");
            Files.writeString(extra, peer.extraConfig());
            command.addAll(List.of("--append", extra.toString()));
        }
        for (int attempt = 1; ; attempt++) {
            xmppPort = freeLoopbackPort();
            List<String> withPort = new ArrayList<>(command);
            withPort.addAll(List.of("--xmpp-port", Integer.toString(xmppPort),
                    "--backend-port", Integer.toString(BackendPort.pick())));
            String output = run(withPort, dir.resolve("start.out"), START_TIMEOUT_SECONDS);
            if (output.contains("spectrum2 ready xmpp=127.0.0.1:" + xmppPort)) {
                LOG.info("spectrum2 ready on 127.0.0.1:{} with backend '{}' in {}", xmppPort, peer.command(), dir);
                return;
            }
            stopQuietly();
            if (!output.contains("already in use") || attempt == PORT_ATTEMPTS) {
                throw new IllegalStateException("spectrum2 did not start (" + String.join(" ", withPort) + "):\n"
                        + output + LogTails.of(dir));
            }
            LOG.info("port {} was taken meanwhile, trying another", xmppPort);
        }
    }

    private void stopQuietly() {
        try {
            run(List.of(home.stop().toString(), "--dir", dir.toString()), dir.resolve("stop.out"), STOP_TIMEOUT_SECONDS);
        } catch (IOException | RuntimeException e) {
            LOG.warn("stop --dir {} failed: {}", dir, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LeftoverProcesses.killAllNaming(dir.resolve("spectrum.cfg").toString());
    }

    /** Runs a script with its output in {@code log} (appended), bounded by {@code timeoutSeconds}. */
    private static String run(List<String> command, Path log, long timeoutSeconds) throws IOException, InterruptedException {
        long before = Files.exists(log) ? Files.size(log) : 0;
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            Files.writeString(log, "\n[fixture] timed out after " + timeoutSeconds + " s\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        }
        byte[] all = Files.readAllBytes(log);
        return new String(all, (int) before, all.length - (int) before, StandardCharsets.UTF_8);
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void emptyDirectory(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
    }
}

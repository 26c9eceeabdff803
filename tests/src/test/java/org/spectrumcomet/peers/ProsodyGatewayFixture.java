package org.spectrumcomet.peers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectrumcomet.conformance.comet.CometConfig;
import org.spectrumcomet.conformance.comet.CometQl;
import org.spectrumcomet.conformance.comet.CometServerProcess;
import org.spectrumcomet.conformance.comet.WebUser;

/**
 * The deployment most operators run, per test class: our comet server process (data in
 * {@code DIR/comet}), Prosody as the users' server for {@value #HOST} ({@code DIR/prosody}), and the
 * real Spectrum 2 as its component {@value #TRANSPORT} ({@code DIR/spectrum}) spawning
 * {@code bin/spectrum-comet-backend} with a {@code [comet]} section pointing at the comet server.
 * Skipped test by test, with the reason, without {@code SPECTRUM2_HOME} or Prosody. Everything is
 * stopped by PID afterwards (also by a shutdown hook on an interrupted run); logs stay in DIR.
 */
final class ProsodyGatewayFixture implements ExecutionCondition, BeforeAllCallback, AfterAllCallback {

    static final String HOST = "localhost";
    static final String TRANSPORT = "comet.localhost";
    static final String TENANT_KEY = "gatewaykey";

    private static final Logger LOG = LoggerFactory.getLogger(ProsodyGatewayFixture.class);
    private static final String SECRET = "component-secret";

    private final Map<String, String> accounts;
    private final List<AutoCloseable> running = new ArrayList<>();
    private CometServerProcess comet;
    private CometQl cometql;
    private ProsodyServer prosody;
    private SpectrumComponent spectrum;
    private SmackClients clients;
    private Thread shutdownHook;

    private ProsodyGatewayFixture(Map<String, String> accounts) {
        this.accounts = accounts;
    }

    /** A fixture whose Prosody has these accounts (name → password) on {@value #HOST}. */
    static ProsodyGatewayFixture withAccounts(Map<String, String> accounts) {
        return new ProsodyGatewayFixture(accounts);
    }

    static Optional<String> unavailableReason() {
        return SpectrumHome.unavailableReason().or(ProsodyServer::unavailableReason);
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<String> reason = unavailableReason();
        if (reason.isPresent() && context.getTestMethod().isPresent()) {
            return ConditionEvaluationResult.disabled(reason.get());
        }
        return ConditionEvaluationResult.enabled("Spectrum 2 and Prosody are available, or skipped test by test");
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (unavailableReason().isPresent()) {
            return;
        }
        Path dir = PeerBackend.repoRoot().resolve("tests/target/peers").resolve(context.getRequiredTestClass().getSimpleName());
        emptyDirectory(dir);
        shutdownHook = new Thread(this::stopQuietly, "gateway-stop-" + dir.getFileName());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        comet = CometServerProcess.start(CometServerProcess.Settings.inMemory(dir.resolve("comet"), TENANT_KEY)
                .withDataDir(dir.resolve("comet/data")));
        running.add(comet);
        cometql = new CometQl(comet.target());
        running.add(cometql);
        prosody = ProsodyServer.start(dir.resolve("prosody"), HOST, accounts, TRANSPORT, SECRET);
        running.add(prosody);
        PeerBackend bridge = PeerBackend.launcher("spectrum-comet-backend")
                .withExtraConfig(CometConfig.section(comet.target(), comet.target().wsPort()));
        spectrum = SpectrumComponent.start(SpectrumHome.fromEnvironment(), dir.resolve("spectrum"), TRANSPORT,
                prosody.componentPort(), SECRET, bridge, 10);
        running.add(spectrum);
        clients = new SmackClients(HOST, prosody.c2sPort());
        running.add(clients);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (shutdownHook != null) {
            stopQuietly();
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
            LOG.info("gateway chain for {} stopped; logs kept in tests/target/peers/{}",
                    context.getRequiredTestClass().getSimpleName(), context.getRequiredTestClass().getSimpleName());
        }
    }

    /** Smack clients of Prosody (XMPP domain {@value #HOST}). */
    SmackClients clients() {
        return clients;
    }

    CometQl cometql() {
        return cometql;
    }

    SpectrumComponent spectrum() {
        return spectrum;
    }

    /** Gives comet user {@code id} the key {@code key<id>} and connects it as a web user. */
    WebUser web(long id) throws Exception {
        cometql.setKey(id, keyOf(id));
        WebUser user = WebUser.connect(comet.target(), id, keyOf(id));
        running.add(user);
        return user;
    }

    static String keyOf(long id) {
        return "key" + id;
    }

    /** Stops in reverse order of start; a failure to stop one does not keep the others running. */
    private synchronized void stopQuietly() {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                LOG.warn("stopping {} failed: {}", running.get(i).getClass().getSimpleName(), e.toString());
            }
        }
        running.clear();
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

package org.spectrumcomet.peers.bridge;

import java.nio.file.Path;
import java.util.List;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.jxmpp.jid.EntityBareJid;
import org.slf4j.LoggerFactory;
import org.spectrumcomet.peers.PeerBackend;
import org.spectrumcomet.peers.SmackClients;
import org.spectrumcomet.peers.SpectrumServerFixture;

/**
 * The whole product chain for one test class:
 *
 * <pre>
 *   Smack --XMPP--&gt; spectrum2 (server mode) --spawns--&gt; bin/spectrum-comet-backend --CometQL+WS--&gt; comet server
 * </pre>
 *
 * Register it as {@code @RegisterExtension static final BridgeChainFixture CHAIN = BridgeChainFixture.create();}.
 * Before the class: {@link SpectrumServerFixture} empties {@code tests/target/peers/<Class>/} (DIR),
 * then {@link CometSite} starts our comet server in {@code DIR/comet}, then Spectrum 2 starts with
 * the bridge as backend and the {@code [comet]} section appended to its config. Afterwards the
 * Smack clients, Spectrum (and the bridge) and the comet server are stopped; every log stays in DIR
 * ({@code spectrum2.out} has the bridge's log, {@code comet/comet-server.log} the server's). Without
 * {@code SPECTRUM2_HOME} every test is skipped with the reason.
 *
 * <p>XMPP user {@code <id>@localhost} logs in with {@link CometSite#keyOf(long)} as password
 * ({@link #login(long)}); web users come from {@link #comet()}. Give every test its own ids.
 */
public final class BridgeChainFixture implements ExecutionCondition, BeforeAllCallback, AfterAllCallback {

    private final SpectrumServerFixture spectrum;
    private final List<String> extraCometLines;
    private CometSite comet;
    private Thread shutdownHook;

    private BridgeChainFixture(List<String> extraCometLines) {
        this.extraCometLines = List.copyOf(extraCometLines);
        this.spectrum = SpectrumServerFixture.with(this::startCometAndBridge);
    }

    /** The chain with the kit's {@code [comet]} settings, plus {@code extraCometLines} (e.g. {@code "presence_poll = 2s"}). */
    public static BridgeChainFixture create(String... extraCometLines) {
        return new BridgeChainFixture(List.of(extraCometLines));
    }

    private PeerBackend startCometAndBridge() {
        try {
            comet = CometSite.start(spectrum.dir().resolve("comet"));
            // An interrupted run must not leave the comet server JVM behind.
            shutdownHook = new Thread(this::closeComet, "comet-stop-" + spectrum.dir().getFileName());
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        } catch (Exception e) {
            throw new IllegalStateException("the comet server did not start: " + e.getMessage(), e);
        }
        return PeerBackend.launcher("spectrum-comet-backend")
                .withExtraConfig(comet.bridgeConfig(extraCometLines.toArray(String[]::new)));
    }

    /** Up to {@code users} XMPP users share one bridge process (Spectrum's {@code users_per_backend}). */
    public BridgeChainFixture withUsersPerBackend(int users) {
        spectrum.withUsersPerBackend(users);
        return this;
    }

    /** The comet server, CometQL and web users. */
    public CometSite comet() {
        return comet;
    }

    /** The Spectrum 2 instance (port, DIR, Smack clients). */
    public SpectrumServerFixture spectrum() {
        return spectrum;
    }

    public SmackClients xmpp() {
        return spectrum.clients();
    }

    public Path dir() {
        return spectrum.dir();
    }

    /** {@code <id>@localhost}: a comet user as an XMPP contact (or the XMPP user itself). */
    public EntityBareJid jid(long id) {
        return xmpp().jid(Long.toString(id));
    }

    /** XMPP user {@code <id>@localhost} logged in with its comet key (the bridge answered CONNECTED). */
    public XMPPTCPConnection login(long id) throws Exception {
        return xmpp().login(Long.toString(id), CometSite.keyOf(id));
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return spectrum.evaluateExecutionCondition(context);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        spectrum.beforeAll(context);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            spectrum.afterAll(context);
        } finally {
            if (shutdownHook != null) {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
                shutdownHook = null;
            }
            closeComet();
        }
    }

    private void closeComet() {
        if (comet != null) {
            try {
                comet.close();
            } catch (Exception e) {
                LoggerFactory.getLogger(BridgeChainFixture.class).warn("comet server in {}: close failed: {}", dir(), e.toString());
            }
        }
    }
}

package org.spectrumcomet.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import org.spectrumcomet.bridge.SpectrumCometBackend;
import org.spectrumcomet.conformance.JavaBackendCommand;
import org.spectrumcomet.conformance.comet.CometConfig;
import org.spectrumcomet.conformance.comet.CometGate;
import org.spectrumcomet.conformance.comet.CometQl;
import org.spectrumcomet.conformance.comet.CometServerProcess;
import org.spectrumcomet.conformance.comet.CometTarget;
import org.spectrumcomet.conformance.comet.CppCometProcess;
import org.spectrumcomet.conformance.comet.WebUser;
import org.spectrumcomet.conformance.main.FrameRecord;
import org.spectrumcomet.conformance.main.MainInstance;
import org.spectrumcomet.conformance.main.MainOptions;
import org.spectrumcomet.conformance.main.MainUser;
import org.spectrumcomet.protocol.SpectrumMessage;

/**
 * The whole chain for one test: a comet server process (ours, or the real CppComet), a
 * {@link CometGate} in front of its WebSocket port for the backend's sockets, the emulated Spectrum
 * main with the bridge backend spawned as a process — pointed at comet only through the generated
 * {@code [comet]} section — and CometQL for the site's side. Users' keys are {@code key<id>}.
 */
public final class BridgeRig implements AutoCloseable {

    public static final Duration REPLY = Duration.ofSeconds(10);

    /** Our server process or CppComet's; the same ports across a {@link #restartComet()}. */
    private AutoCloseable comet;
    private final CometTarget target;
    public final CometGate gate;
    public final CometQl cometql;
    public final MainInstance main;

    private BridgeRig(AutoCloseable comet, CometTarget target, Path work, String extraConfig) throws Exception {
        this.comet = comet;
        this.target = target;
        this.gate = new CometGate(target.host(), target.wsPort());
        this.cometql = new CometQl(target);
        this.main = MainInstance.start(MainOptions.defaults(work).withPingInterval(Duration.ofSeconds(5))
                .withExtraConfig(CometConfig.section(target, gate.port()) + extraConfig));
        main.spawn(JavaBackendCommand.of(SpectrumCometBackend.class), "bridge-" + System.nanoTime());
        if (main.awaitLink(Duration.ofSeconds(20)) == null) {
            throw new IllegalStateException("the bridge backend did not connect");
        }
        main.recording().awaitRecord(0, Duration.ofSeconds(20), r -> r.direction() == FrameRecord.Direction.SENT);
    }

    /** Starts a comet server with {@code settings} (its work dir gets the logs) and the rest of the chain. */
    static BridgeRig start(CometServerProcess.Settings settings, String extraConfig) throws Exception {
        CometServerProcess server = CometServerProcess.start(settings);
        try {
            return new BridgeRig(server, server.target(), JavaBackendCommand.workDir("e2e"), extraConfig);
        } catch (Exception e) {
            server.close();
            throw e;
        }
    }

    /** The chain on the real CppComet started from {@code home}; logs go to {@code target/conformance/<workName>}. */
    public static BridgeRig onCppComet(Path home, String workName) throws Exception {
        CppCometProcess cppcomet = CppCometProcess.start(home);
        try {
            return new BridgeRig(cppcomet, cppcomet.target(), JavaBackendCommand.workDir(workName), "");
        } catch (Exception e) {
            cppcomet.close();
            throw e;
        }
    }

    static CometServerProcess.Settings inMemory(String name) {
        return CometServerProcess.Settings.inMemory(JavaBackendCommand.workDir("e2e").resolve(name), "e2ekey");
    }

    public CometTarget target() {
        return target;
    }

    private CometServerProcess ourServer() {
        if (comet instanceof CometServerProcess server) {
            return server;
        }
        throw new IllegalStateException("only our own comet server can be killed and restarted by a test");
    }

    /** kill -9 the comet server (the bridge's sockets and CometQL links break). */
    void killComet() throws InterruptedException {
        ourServer().kill();
    }

    /** Starts the comet server again on the same ports and data directory. */
    void restartComet() throws Exception {
        comet = ourServer().restart();
    }

    public static String keyOf(long id) {
        return "key" + id;
    }

    /** Registers {@code id}'s key and logs the XMPP user {@code u<id>@localhost} in; waits for CONNECTED. */
    public MainUser login(long id) throws Exception {
        cometql.setKey(id, keyOf(id));
        return XmppLogin.connect(main, "u" + id + "@localhost", Long.toString(id), keyOf(id), REPLY);
    }

    /** A web user {@code id} on its own WebSocket, straight to comet (not through the gate). */
    public WebUser web(long id) throws Exception {
        cometql.setKey(id, keyOf(id));
        return WebUser.connect(target, id, keyOf(id));
    }

    public long mark() {
        return main.recording().mark();
    }

    /** The first received frame from {@code from} on whose payload matches, within {@code timeout}. */
    public <T> Optional<T> await(long from, Class<T> kind, Predicate<T> match, Duration timeout) {
        return main.recording().awaitReceived(from, timeout, m -> kind.isInstance(m.payload())
                && match.test(kind.cast(m.payload()))).map(r -> kind.cast(r.message().payload()));
    }

    /** Every received payload of {@code kind} from {@code from} on that matches, with its arrival time. */
    <T> java.util.List<Timed<T>> received(long from, Class<T> kind, Predicate<T> match) {
        return main.recording().all().stream().filter(r -> r.seq() >= from
                        && r.direction() == FrameRecord.Direction.RECEIVED && r.message() != null)
                .filter(r -> kind.isInstance(r.message().payload()) && match.test(kind.cast(r.message().payload())))
                .map(r -> new Timed<>(kind.cast(r.message().payload()), r.at())).toList();
    }

    record Timed<T>(T payload, Instant at) {
    }

    void send(SpectrumMessage message) {
        main.send(message);
    }

    @Override
    public void close() throws Exception {
        main.close();
        gate.close();
        cometql.close();
        comet.close();
    }
}

package org.spectrumcomet.cppcomet;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import org.spectrumcomet.bridge.SpectrumCometBackend;
import org.spectrumcomet.conformance.JavaBackendCommand;
import org.spectrumcomet.conformance.comet.CometConfig;
import org.spectrumcomet.conformance.comet.CometGate;
import org.spectrumcomet.conformance.comet.CometQl;
import org.spectrumcomet.conformance.comet.CometTarget;
import org.spectrumcomet.conformance.comet.CppCometProcess;
import org.spectrumcomet.conformance.comet.WebUser;
import org.spectrumcomet.conformance.main.FrameRecord;
import org.spectrumcomet.conformance.main.MainInstance;
import org.spectrumcomet.conformance.main.MainOptions;
import org.spectrumcomet.conformance.main.MainUser;
import org.spectrumcomet.protocol.pb.Protocol.Connected;
import org.spectrumcomet.protocol.pb.Protocol.Disconnected;

/**
 * The whole chain on the real CppComet: CppComet (its own folder and MariaDB), a {@link CometGate}
 * in front of its WebSocket port for the bridge's sockets, the emulated Spectrum main spawning the
 * bridge backend as a process — pointed at CppComet only through the generated {@code [comet]}
 * section — and CometQL for the site's side. Users' keys are {@code key<id>}.
 */
final class CppCometBridgeRig implements AutoCloseable {

    static final Duration REPLY = Duration.ofSeconds(10);
    /** Why the CppComet classes are skipped on a machine without the peer. */
    static final String UNAVAILABLE = "CppComet not available: set CPPCOMET_HOME to the peer folder "
            + "(/work/shared/peers/cppcomet) to run the bridge end-to-end against the real CppComet";

    private final CppCometProcess cppcomet;
    final CometGate gate;
    final CometQl cometql;
    final MainInstance main;

    private CppCometBridgeRig(CppCometProcess cppcomet, String workName) throws Exception {
        this.cppcomet = cppcomet;
        CometTarget target = cppcomet.target();
        this.gate = new CometGate(target.host(), target.wsPort());
        this.cometql = new CometQl(target);
        this.main = MainInstance.start(MainOptions.defaults(JavaBackendCommand.workDir(workName))
                .withPingInterval(Duration.ofSeconds(5)).withExtraConfig(CometConfig.section(target, gate.port())));
        main.spawn(JavaBackendCommand.of(SpectrumCometBackend.class), "bridge-" + System.nanoTime());
        if (main.awaitLink(Duration.ofSeconds(20)) == null) {
            throw new IllegalStateException("the bridge backend did not connect");
        }
        main.recording().awaitRecord(0, Duration.ofSeconds(20), r -> r.direction() == FrameRecord.Direction.SENT);
    }

    /** Starts CppComet from {@code home} and the rest of the chain; logs go to {@code target/conformance/<workName>}. */
    static CppCometBridgeRig start(java.nio.file.Path home, String workName) throws Exception {
        CppCometProcess cppcomet = CppCometProcess.start(home);
        try {
            return new CppCometBridgeRig(cppcomet, workName);
        } catch (Exception e) {
            cppcomet.close();
            throw e;
        }
    }

    CometTarget target() {
        return cppcomet.target();
    }

    static String keyOf(long id) {
        return "key" + id;
    }

    /** Registers {@code id}'s key and logs the XMPP user {@code u<id>@localhost} in; waits for CONNECTED. */
    MainUser login(long id) throws Exception {
        cometql.setKey(id, keyOf(id));
        String jid = "u" + id + "@localhost";
        MainUser user = main.user(jid);
        long from = main.recording().mark();
        user.login(Long.toString(id), keyOf(id));
        FrameRecord answer = main.recording().awaitReceived(from, REPLY, m ->
                        (m.payload() instanceof Connected c && c.getUser().equals(jid))
                        || (m.payload() instanceof Disconnected d && d.getUser().equals(jid)))
                .orElseThrow(() -> new AssertionError("no answer to LOGIN of " + jid));
        if (!(answer.message().payload() instanceof Connected)) {
            throw new AssertionError("LOGIN of " + jid + " refused: " + answer.message());
        }
        return user;
    }

    /** A web user {@code id} on its own WebSocket, straight to CppComet (not through the gate). */
    WebUser web(long id) throws Exception {
        cometql.setKey(id, keyOf(id));
        return WebUser.connect(target(), id, keyOf(id));
    }

    long mark() {
        return main.recording().mark();
    }

    /** The first received frame from {@code from} on whose payload matches, within {@code timeout}. */
    <T> Optional<T> await(long from, Class<T> kind, Predicate<T> match, Duration timeout) {
        return main.recording().awaitReceived(from, timeout, m -> kind.isInstance(m.payload())
                && match.test(kind.cast(m.payload()))).map(r -> kind.cast(r.message().payload()));
    }

    @Override
    public void close() throws Exception {
        main.close();
        gate.close();
        cometql.close();
        cppcomet.close();
    }
}

package org.spectrumcomet.web;

import java.time.Duration;
import java.util.function.Predicate;
import org.spectrumcomet.bridge.SpectrumCometBackend;
import org.spectrumcomet.comet.CometServer;
import org.spectrumcomet.comet.config.HostPort;
import org.spectrumcomet.comet.config.ServerConfig;
import org.spectrumcomet.conformance.JavaBackendCommand;
import org.spectrumcomet.conformance.comet.CometConfig;
import org.spectrumcomet.conformance.comet.CometQl;
import org.spectrumcomet.conformance.comet.CometTarget;
import org.spectrumcomet.conformance.main.FrameRecord;
import org.spectrumcomet.conformance.main.MainInstance;
import org.spectrumcomet.conformance.main.MainOptions;
import org.spectrumcomet.conformance.main.MainUser;
import org.spectrumcomet.e2e.XmppLogin;
import org.spectrumcomet.protocol.SpectrumMessage;

/**
 * Our comet server in this JVM (ephemeral ports, in memory, tenant 0) serving the chat page, and
 * optionally the XMPP side: the emulated Spectrum main with the bridge backend spawned as its own
 * process, pointed at the server by the {@code [comet]} section. Users' keys are {@code key<id>}.
 */
final class ChatRig implements AutoCloseable {

    static final Duration REPLY = Duration.ofSeconds(20);
    private static final String TENANT_KEY = "webchatTenantKey";

    private final CometServer comet;
    final CometTarget target;
    final CometQl cometql;
    private MainInstance main;

    private ChatRig(CometServer comet) {
        this.comet = comet;
        this.target = new CometTarget("127.0.0.1", comet.cometqlAddress().getPort(), comet.wsAddress().getPort(),
                0, TENANT_KEY);
        this.cometql = new CometQl(target);
    }

    /** The comet server alone (sign-in, browsers among themselves). */
    static ChatRig cometOnly() throws Exception {
        ServerConfig.Builder config = new ServerConfig.Builder();
        config.cometql = new HostPort("127.0.0.1", 0);
        config.ws = new HostPort("127.0.0.1", 0);
        config.inMemory = true;
        config.tenant("0", TENANT_KEY);
        return new ChatRig(CometServer.start(config.build()));
    }

    /** The comet server, the emulated main and the bridge backend process, linked up. */
    static ChatRig withBridge(String name) throws Exception {
        ChatRig rig = cometOnly();
        try {
            rig.main = MainInstance.start(MainOptions.defaults(JavaBackendCommand.workDir("web-" + name))
                    .withPingInterval(Duration.ofSeconds(5))
                    .withExtraConfig(CometConfig.section(rig.target, rig.target.wsPort())));
            rig.main.spawn(JavaBackendCommand.of(SpectrumCometBackend.class), "bridge-" + name);
            if (rig.main.awaitLink(REPLY) == null) {
                throw new IllegalStateException("the bridge backend did not connect to the emulated main");
            }
            rig.main.recording().awaitRecord(0, REPLY, r -> r.direction() == FrameRecord.Direction.SENT);
            return rig;
        } catch (Exception | Error e) {
            rig.close();
            throw e;
        }
    }

    /** {@code http://127.0.0.1:PORT/chat/}. */
    String chatUrl() {
        return "http://127.0.0.1:" + target.wsPort() + "/chat/";
    }

    static String keyOf(long id) {
        return "key" + id;
    }

    /** Registers {@code id}'s key (users_auth) so a page can sign in with it. */
    void webUser(long id) throws Exception {
        cometql.setKey(id, keyOf(id));
    }

    /** The first frame from the backend since {@code from} that matches; fails naming {@code what}. */
    SpectrumMessage awaitFrame(long from, String what, Predicate<SpectrumMessage> match) {
        return main.recording().awaitReceived(from, REPLY, match)
                .orElseThrow(() -> new AssertionError("the main got no " + what)).message();
    }

    MainInstance main() {
        return main;
    }

    /** Registers {@code id}'s key and logs the XMPP user {@code u<id>@localhost} in; waits for CONNECTED. */
    MainUser xmppLogin(long id) throws Exception {
        cometql.setKey(id, keyOf(id));
        return XmppLogin.connect(main, "u" + id + "@localhost", Long.toString(id), keyOf(id), REPLY);
    }

    /** Polls users_time until {@code id} is online (0) or offline (not 0), within {@link #REPLY}. */
    void awaitOnline(long id, boolean online) throws Exception {
        long deadline = System.nanoTime() + REPLY.toNanos();
        while ((cometql.lastOnline(id) == 0) != online) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("user " + id + " did not go " + (online ? "online" : "offline"));
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() {
        if (main != null) {
            main.close();
        }
        cometql.close();
        comet.close();
    }
}

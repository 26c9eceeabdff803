package org.spectrumcomet.demo;

import java.net.URI;
import org.spectrumcomet.comet.CometServer;
import org.spectrumcomet.comet.ServerStartException;
import org.spectrumcomet.comet.config.HostPort;
import org.spectrumcomet.comet.config.ServerConfig;

/**
 * Our comet server running inside the demo's JVM: CometQL and WebSocket on 127.0.0.1 with
 * ephemeral ports, everything in memory, one tenant ({@value #DEV_ID}) whose key is the demo key.
 */
final class InProcessComet implements AutoCloseable {

    static final String DEV_ID = "0";
    /** The tenant key (CometQL password of {@code root}); the comet server's well-known demo key. */
    static final String TENANT_KEY = ServerConfig.DEMO_KEY;

    private final CometServer server;

    private InProcessComet(CometServer server) {
        this.server = server;
    }

    static InProcessComet start() throws DemoFailure {
        ServerConfig.Builder config = new ServerConfig.Builder();
        config.cometql = new HostPort("127.0.0.1", 0);
        config.ws = new HostPort("127.0.0.1", 0);
        config.inMemory = true;
        // Named explicitly so the server does not warn about an unconfigured demo tenant.
        config.tenant(DEV_ID, TENANT_KEY);
        try {
            return new InProcessComet(CometServer.start(config.build()));
        } catch (ServerStartException e) {
            throw new DemoFailure("our comet server did not start: " + e.getMessage(), e);
        }
    }

    int cometqlPort() {
        return server.cometqlAddress().getPort();
    }

    int wsPort() {
        return server.wsAddress().getPort();
    }

    /** {@code ws://127.0.0.1:PORT}, the bridge's {@code [comet] websocket} value. */
    String websocketBase() {
        return "ws://127.0.0.1:" + wsPort();
    }

    /** The comet server's Prometheus metrics on its HTTP port (the counters move as the demo runs). */
    String metricsUrl() {
        return "http://127.0.0.1:" + server.httpAddress().getPort() + "/metrics";
    }

    /** The web chat page this server serves (issue 10). */
    String chatUrl() {
        return "http://127.0.0.1:" + server.httpAddress().getPort() + "/chat/";
    }

    /** The comet server's readiness: 200 when every listener and the store are up. */
    String healthUrl() {
        return "http://127.0.0.1:" + server.httpAddress().getPort() + "/health";
    }

    /**
     * CppComet's positional WebSocket URL for a user (spec §I.4.1): parameters in the path, in
     * this order, unencoded; {@code sesion} is the server's spelling.
     */
    URI userSocket(DemoUser user, String connectionUuid) {
        return URI.create(websocketBase() + "/ws/sesion=" + user.key() + "&myid=" + user.cometId()
                + "&devid=" + DEV_ID + "&v=4.09&uuid=" + connectionUuid + "&api=js");
    }

    /** The transport config's {@code [comet]} section pointing the bridge at this server. */
    String bridgeSection(int historyLimit) {
        return "[comet]\n"
                + "cometql = 127.0.0.1:" + cometqlPort() + "\n"
                + "websocket = " + websocketBase() + "\n"
                + "dev_id = " + DEV_ID + "\n"
                + "dev_key = " + TENANT_KEY + "\n"
                + "login_timeout = 10s\n"
                + "history_limit = " + historyLimit + "\n";
    }

    /** Closes the listeners, executor and event loops; safe to call twice. */
    @Override
    public void close() {
        server.close();
    }
}

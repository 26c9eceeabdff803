package org.spectrumcomet.bridge.comet.servers;

import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.spectrumcomet.bridge.comet.CometEndpoint;
import org.spectrumcomet.comet.CometServer;
import org.spectrumcomet.comet.config.HostPort;
import org.spectrumcomet.comet.config.ServerConfig;

/** Our comet server, in-process on ephemeral loopback ports with an in-memory store, once per run. */
public final class OurCometServer implements CometServerUnderTest, ExtensionContext.Store.CloseableResource {

    static final String KEY = "bridge-test-key";
    private final CometServer server;
    private final CometEndpoint endpoint;

    private OurCometServer() throws Exception {
        ServerConfig.Builder b = new ServerConfig.Builder();
        b.cometql = new HostPort("127.0.0.1", 0);
        b.ws = new HostPort("127.0.0.1", 0);
        b.inMemory = true;
        b.tenant("0", KEY);
        server = CometServer.start(b.build());
        endpoint = CometEndpoint.fromConfig(Map.of(
                "cometql", "127.0.0.1:" + server.cometqlAddress().getPort(),
                "ws", "127.0.0.1:" + server.wsAddress().getPort(),
                "key", KEY, "connect_timeout", "3s", "query_timeout", "5s", "login_timeout", "5s",
                "reconnect_min", "100ms", "reconnect_max", "1s"));
    }

    public static OurCometServer shared(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(OurCometServer.class, k -> {
                    try {
                        return new OurCometServer();
                    } catch (Exception e) {
                        throw new IllegalStateException("cannot start our comet server: " + e, e);
                    }
                }, OurCometServer.class);
    }

    @Override
    public String name() {
        return "ours";
    }

    @Override
    public CometEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        server.close();
    }
}

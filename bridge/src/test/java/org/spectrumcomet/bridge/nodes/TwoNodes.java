package org.spectrumcomet.bridge.nodes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.spectrumcomet.bridge.comet.CometEndpoint;
import org.spectrumcomet.bridge.comet.CometQlClient;
import org.spectrumcomet.comet.CometServer;
import org.spectrumcomet.comet.config.HostPort;
import org.spectrumcomet.comet.config.ServerConfig;

/**
 * Two in-process comet servers on loopback ports, each with its own memory store (not one network:
 * these tests are about where the bridge connects, not about what the nodes share, so a user's key
 * is set on both). A node can be stopped and started again on the same ports.
 */
final class TwoNodes implements AutoCloseable {

    static final String KEY = "nodes-test-key";
    private final CometServer[] servers = new CometServer[2];
    private final List<CometEndpoint> endpoints = new ArrayList<>();

    TwoNodes() throws Exception {
        for (int i = 0; i < 2; i++) {
            servers[i] = start(0, 0);
            endpoints.add(CometEndpoint.fromConfig(Map.of(
                    "cometql", "127.0.0.1:" + servers[i].cometqlAddress().getPort(),
                    "ws", "127.0.0.1:" + servers[i].wsAddress().getPort(), "key", KEY, "connect_timeout", "2s",
                    "query_timeout", "3s", "login_timeout", "3s", "reconnect_min", "100ms", "reconnect_max", "500ms")));
        }
    }

    private static CometServer start(int cometqlPort, int wsPort) throws Exception {
        ServerConfig.Builder b = new ServerConfig.Builder();
        b.cometql = new HostPort("127.0.0.1", cometqlPort);
        b.ws = new HostPort("127.0.0.1", wsPort);
        b.inMemory = true;
        b.tenant("0", KEY);
        return CometServer.start(b.build());
    }

    List<CometEndpoint> endpoints() {
        return endpoints;
    }

    /** The index of the node at {@code endpoint}'s WebSocket port. */
    int indexOf(CometEndpoint endpoint) {
        return endpoints.get(0).wsPort() == endpoint.wsPort() ? 0 : 1;
    }

    /** Stops node {@code i}: its ports refuse connections, its sockets are closed. */
    void stop(int i) {
        servers[i].close();
        servers[i] = null;
    }

    /** Starts node {@code i} again on its ports (an empty store: keys must be set again). */
    void restart(int i) throws Exception {
        servers[i] = start(endpoints.get(i).cometqlPort(), endpoints.get(i).wsPort());
    }

    /** Sets {@code key<id>} as user {@code id}'s key on both nodes. */
    void setUserKey(long id) throws Exception {
        for (CometEndpoint e : endpoints) {
            try (CometQlClient c = CometQlClient.open(e)) {
                c.setUserKey(id, "key" + id).get(10, java.util.concurrent.TimeUnit.SECONDS);
            }
        }
    }

    static void poll(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        for (CometServer s : servers) {
            if (s != null) {
                s.close();
            }
        }
    }
}

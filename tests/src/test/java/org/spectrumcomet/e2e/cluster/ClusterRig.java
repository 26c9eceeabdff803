package org.spectrumcomet.e2e.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.spectrumcomet.bridge.SpectrumCometBackend;
import org.spectrumcomet.bridge.comet.CometEndpoint;
import org.spectrumcomet.bridge.nodes.CometNodes;
import org.spectrumcomet.conformance.JavaBackendCommand;
import org.spectrumcomet.conformance.comet.CometQl;
import org.spectrumcomet.conformance.comet.CometTarget;
import org.spectrumcomet.conformance.comet.WebUser;
import org.spectrumcomet.conformance.main.FrameRecord;
import org.spectrumcomet.conformance.main.MainInstance;
import org.spectrumcomet.conformance.main.MainOptions;
import org.spectrumcomet.conformance.main.MainUser;
import org.spectrumcomet.e2e.XmppLogin;

/**
 * Redis, two comet nodes on it, and the bridge backend (spawned by the emulated Spectrum main) whose
 * {@code [comet]} section lists both nodes: {@code cometql = A, B} and {@code websocket = ws://A, ws://B}.
 * The site's CometQL and web users can be on either node. Users' keys are {@code key<id>}.
 */
final class ClusterRig implements AutoCloseable {

    static final Duration REPLY = Duration.ofSeconds(15);
    static final String TENANT_KEY = "clusterkey";
    /** Seconds a killed node's users stay online for the other node. */
    static final int PRESENCE_TIMEOUT = 3;

    private final RedisProcess redis;
    private final Path work;
    final List<CometNodeProcess> nodes = new ArrayList<>();
    final List<CometQl> cometql = new ArrayList<>();
    final MainInstance main;
    private final List<WebUser> webUsers = new ArrayList<>();

    ClusterRig(Path work) throws Exception {
        this.work = work;
        redis = RedisProcess.start(work.resolve("redis"));
        try {
            for (String name : List.of("a", "b")) {
                nodes.add(CometNodeProcess.start(work.resolve("node-" + name), redis.address(), 0, TENANT_KEY,
                        PRESENCE_TIMEOUT));
            }
            nodes.forEach(n -> cometql.add(new CometQl(n.target())));
            main = MainInstance.start(MainOptions.defaults(work.resolve("main"))
                    .withPingInterval(Duration.ofSeconds(5)).withExtraConfig(cometSection()));
            main.spawn(JavaBackendCommand.of(SpectrumCometBackend.class), "bridge-cluster-" + System.nanoTime());
            if (main.awaitLink(Duration.ofSeconds(30)) == null) {
                throw new IllegalStateException("the bridge backend did not connect");
            }
        } catch (Exception e) {
            closeQuietly();
            throw e;
        }
    }

    private String cometSection() {
        List<String> ql = new ArrayList<>();
        List<String> ws = new ArrayList<>();
        for (CometNodeProcess n : nodes) {
            ql.add("127.0.0.1:" + n.target().cometqlPort());
            ws.add("ws://127.0.0.1:" + n.target().wsPort());
        }
        return "[comet]\ncometql = " + String.join(", ", ql) + "\nwebsocket = " + String.join(", ", ws)
                + "\ndev_id = 0\ndev_key = " + TENANT_KEY + "\nconnect_timeout = 2s\nlogin_timeout = 6s\n"
                + "query_timeout = 4s\nreconnect_min = 200ms\nreconnect_max = 2s\ngrace_period = 60s\n"
                + "history_limit = 30\npresence_poll = 0\n";
    }

    CometTarget target(int node) {
        return nodes.get(node).target();
    }

    /** The node (0 = a, 1 = b) the bridge puts user {@code id}'s socket on while both are live. */
    int homeOf(long id) {
        List<CometEndpoint> endpoints = nodes.stream().map(n -> CometEndpoint.fromConfig(Map.of(
                "cometql", "127.0.0.1:" + n.target().cometqlPort(), "ws", "127.0.0.1:" + n.target().wsPort()))).toList();
        return new CometNodes(endpoints).choose(id).index();
    }

    /** A user id, from {@code from} on, whose socket the bridge puts on {@code node}. */
    long userOn(int node, long from) {
        long id = from;
        while (homeOf(id) != node) {
            id++;
        }
        return id;
    }

    /** Registers {@code id}'s key and logs in {@code u<id>@localhost}; waits for CONNECTED. */
    MainUser login(long id) throws Exception {
        cometql.get(1).setKey(id, "key" + id); // node B: the one the failover scenarios keep alive
        return XmppLogin.connect(main, "u" + id + "@localhost", Long.toString(id), "key" + id, REPLY);
    }

    /** Web user {@code id} with its own WebSocket straight to {@code node}. */
    WebUser web(int node, long id) throws Exception {
        cometql.get(node).setKey(id, "key" + id);
        WebUser user = WebUser.connect(target(node), id, "key" + id);
        webUsers.add(user);
        return user;
    }

    /** kill -9 node {@code i}. */
    void kill(int i) throws InterruptedException {
        nodes.get(i).kill();
    }

    /** Starts killed node {@code i} again on its ports. */
    void restart(int i) throws Exception {
        nodes.set(i, nodes.get(i).restart());
    }

    /** The bridge backend's log so far (the emulated main keeps it in its work directory). */
    String bridgeLog() throws java.io.IOException {
        try (var files = java.nio.file.Files.list(work.resolve("main"))) {
            StringBuilder all = new StringBuilder();
            for (Path f : files.filter(p -> p.toString().endsWith(".log")).toList()) {
                all.append(java.nio.file.Files.readString(f));
            }
            return all.toString();
        }
    }

    long mark() {
        return main.recording().mark();
    }

    <T> Optional<T> await(long from, Class<T> kind, Predicate<T> match, Duration timeout) {
        return main.recording().awaitReceived(from, timeout, m -> kind.isInstance(m.payload())
                && match.test(kind.cast(m.payload()))).map(r -> kind.cast(r.message().payload()));
    }

    /** Every received payload of {@code kind} from {@code from} on that matches. */
    <T> List<T> received(long from, Class<T> kind, Predicate<T> match) {
        return main.recording().all().stream().filter(r -> r.seq() >= from
                        && r.direction() == FrameRecord.Direction.RECEIVED && r.message() != null)
                .filter(r -> kind.isInstance(r.message().payload()) && match.test(kind.cast(r.message().payload())))
                .map(r -> kind.cast(r.message().payload())).toList();
    }

    private void closeQuietly() {
        try {
            close();
        } catch (Exception e) {
            // already failing
        }
    }

    @Override
    public void close() throws Exception {
        webUsers.forEach(WebUser::close);
        if (main != null) {
            main.close();
        }
        cometql.forEach(CometQl::close);
        for (CometNodeProcess n : nodes) {
            n.close();
        }
        redis.close();
    }
}

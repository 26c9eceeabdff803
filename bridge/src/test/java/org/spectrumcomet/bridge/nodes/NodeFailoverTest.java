package org.spectrumcomet.bridge.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.nio.NioEventLoopGroup;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.bridge.comet.CometEndpoint;
import org.spectrumcomet.bridge.comet.CometEvent;
import org.spectrumcomet.bridge.comet.CometQlClient;
import org.spectrumcomet.bridge.comet.CometSocket;
import org.spectrumcomet.bridge.comet.CometSocketListener;
import org.spectrumcomet.bridge.comet.LoginResult;
import org.spectrumcomet.bridge.comet.UserPresence;

/**
 * A user's {@link CometSocket} on a {@link UserRoute} over two real comet servers: it logs in on
 * its node, moves to the other one when that node stops, logs in on the other one when its node is
 * down at LOGIN, and a {@link NodeProbe} brings a restarted node back for new logins.
 */
class NodeFailoverTest {

    private static final AtomicLong IDS = new AtomicLong(880_000);
    private static final Duration WAIT = Duration.ofSeconds(10);

    private TwoNodes servers;
    private CometNodes nodes;
    private NioEventLoopGroup group;
    private ExecutorService listeners;
    private final List<CometSocket> sockets = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        servers = new TwoNodes();
        nodes = new CometNodes(servers.endpoints());
        group = new NioEventLoopGroup(1);
        listeners = Executors.newSingleThreadExecutor();
    }

    @AfterEach
    void stop() throws Exception {
        for (CometSocket s : sockets) {
            s.close().get(5, TimeUnit.SECONDS);
        }
        servers.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        listeners.shutdownNow();
    }

    private CometSocket open(long id, Events events) {
        CometEndpoint settings = servers.endpoints().get(0);
        CometSocket s = CometSocket.open(settings, new UserRoute(nodes, id), group, id, "key" + id, events, listeners);
        sockets.add(s);
        return s;
    }

    private long newUser() throws Exception {
        long id = IDS.incrementAndGet();
        servers.setUserKey(id);
        return id;
    }

    /** True when node {@code i} counts user {@code id} online (its socket is there). */
    private boolean onlineOn(int i, long id) {
        try (CometQlClient c = CometQlClient.open(servers.endpoints().get(i))) {
            return c.presence(List.of(id)).get(10, TimeUnit.SECONDS).get(id).state() == UserPresence.State.ONLINE;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void whenItsNodeStopsTheSocketMovesToTheOtherNodeAndTheNodeIsMarkedDown() throws Exception {
        long id = newUser();
        int home = servers.indexOf(nodes.choose(id).endpoint());
        Events events = new Events();
        CometSocket socket = open(id, events);
        assertThat(socket.login().get(10, TimeUnit.SECONDS).outcome()).isEqualTo(LoginResult.Outcome.ACCEPTED);
        TwoNodes.poll(() -> onlineOn(home, id), WAIT, "user online on its node");

        servers.stop(home);
        TwoNodes.poll(() -> events.log.contains("restored"), WAIT, "link restored; log: " + events.log);
        assertThat(events.log).containsExactly("lost", "restored");
        assertThat(nodes.all().get(home).isLive()).isFalse();
        TwoNodes.poll(() -> onlineOn(1 - home, id), WAIT, "user online on the other node");
    }

    @Test
    void aLoginWhileTheUsersNodeIsDownIsAcceptedByTheOtherNode() throws Exception {
        long id = newUser();
        int home = servers.indexOf(nodes.choose(id).endpoint());
        servers.stop(home);
        CometSocket socket = open(id, new Events());
        assertThat(socket.login().get(10, TimeUnit.SECONDS).outcome()).isEqualTo(LoginResult.Outcome.ACCEPTED);
        assertThat(nodes.all().get(home).isLive()).isFalse();
        TwoNodes.poll(() -> onlineOn(1 - home, id), WAIT, "user online on the other node");
    }

    @Test
    void aLoginFailsOnlyWhenEveryNodeIsUnreachable() throws Exception {
        long id = newUser();
        servers.stop(0);
        servers.stop(1);
        LoginResult result = open(id, new Events()).login().get(10, TimeUnit.SECONDS);
        assertThat(result.outcome()).isEqualTo(LoginResult.Outcome.UNREACHABLE);
        assertThat(nodes.live()).isEmpty();
    }

    @Test
    void aRestartedNodeIsFoundByTheProbeAndTakesNewLoginsAgain() throws Exception {
        long id = newUser();
        int home = servers.indexOf(nodes.choose(id).endpoint());
        try (NodeProbe probe = NodeProbe.start(nodes, group, Duration.ofMillis(200), Duration.ofSeconds(1))) {
            servers.stop(home);
            nodes.down(nodes.all().get(home), "test", "stopped");
            Thread.sleep(3 * probe.interval().toMillis());
            assertThat(nodes.all().get(home).isLive()).as("still refused: still down").isFalse();
            servers.restart(home);
            servers.setUserKey(id);
            TwoNodes.poll(() -> nodes.all().get(home).isLive(), WAIT, "probe finds the node back");
        }
        CometSocket socket = open(id, new Events());
        assertThat(socket.login().get(10, TimeUnit.SECONDS).outcome()).isEqualTo(LoginResult.Outcome.ACCEPTED);
        TwoNodes.poll(() -> onlineOn(home, id), WAIT, "user back on its own node");
    }

    /** Records link changes in order. */
    static final class Events implements CometSocketListener {
        final List<String> log = new CopyOnWriteArrayList<>();

        @Override
        public void onEvent(CometEvent event) {
        }

        @Override
        public void onLinkLost(String reason) {
            log.add("lost");
        }

        @Override
        public void onLinkRestored() {
            log.add("restored");
        }

        @Override
        public void onKeyRejected() {
            log.add("rejected");
        }
    }
}

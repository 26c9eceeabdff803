package org.spectrumcomet.bridge.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.nio.NioEventLoopGroup;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.bridge.comet.CometEndpoint;

class NodeProbeTest {

    private final NioEventLoopGroup group = new NioEventLoopGroup(1);

    @AfterEach
    void stop() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void aDownNodeIsLiveAgainOnceItsWebSocketPortAcceptsAndALiveNodeIsLeftAlone() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        CometNodes nodes = new CometNodes(List.of(CometEndpoint.loopback(1, port), CometEndpoint.loopback(2, 1)));
        CometNode down = nodes.all().get(0);
        nodes.down(down, "test", "refused");
        try (NodeProbe probe = NodeProbe.start(nodes, group, Duration.ofMillis(100), Duration.ofSeconds(1))) {
            Thread.sleep(5 * probe.interval().toMillis());
            assertThat(down.isLive()).as("nothing listens: stays down").isFalse();
            assertThat(nodes.all().get(1).isLive()).as("never probed: live nodes are not checked").isTrue();
            try (ServerSocket back = new ServerSocket()) {
                back.setReuseAddress(true);
                back.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                TwoNodes.poll(down::isLive, Duration.ofSeconds(10), "the probe to find the node back");
            }
        }
    }

    @Test
    void aSingleNodeIsNeverProbed() throws Exception {
        CometNodes nodes = new CometNodes(List.of(CometEndpoint.loopback(1, 1)));
        nodes.down(nodes.all().get(0), "test", "refused");
        try (NodeProbe probe = NodeProbe.start(nodes, group, Duration.ofMillis(50), Duration.ofSeconds(1))) {
            Thread.sleep(300);
            assertThat(nodes.all().get(0).isLive()).isFalse();
        }
    }

    @Test
    void aNodeWhosePortAcceptsButWhoseLoginsFailIsProbedLessAndLessOften() throws Exception {
        try (ServerSocket accepting = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!accepting.isClosed()) {
                    try {
                        accepting.accept().close();
                    } catch (java.io.IOException e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            CometNodes nodes = new CometNodes(List.of(CometEndpoint.loopback(1, accepting.getLocalPort()),
                    CometEndpoint.loopback(2, 1)));
            CometNode flapping = nodes.all().get(0);
            nodes.down(flapping, "test", "login failed");
            int raised = 0;
            try (NodeProbe probe = NodeProbe.start(nodes, group, Duration.ofMillis(50), Duration.ofSeconds(1))) {
                // every login sent there fails at once and marks it down again
                long end = System.nanoTime() + Duration.ofMillis(40 * 50).toNanos();
                while (System.nanoTime() < end) {
                    if (flapping.isLive()) {
                        raised++;
                        nodes.down(flapping, "test", "login failed");
                    }
                    Thread.sleep(2);
                }
            }
            // 40 intervals: probed every time that is ~40 flaps; backing off 1, 2, 4, 8, 16 intervals, at most 6
            assertThat(raised).as("times the probe brought the failing node back in 40 intervals")
                    .isBetween(2, 8);
        }
    }
}

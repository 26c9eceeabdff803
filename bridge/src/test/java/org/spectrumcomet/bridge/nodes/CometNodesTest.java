package org.spectrumcomet.bridge.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.bridge.comet.CometEndpoint;

class CometNodesTest {

    static List<CometEndpoint> endpoints(int n) {
        return java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> CometEndpoint.loopback(3301 + i, 8081 + i)).toList();
    }

    @Test
    void aUserAlwaysGetsTheSameNodeAndUsersSpreadOverAllNodes() {
        CometNodes nodes = new CometNodes(endpoints(3));
        CometNodes again = new CometNodes(endpoints(3));
        Map<String, Integer> perNode = new HashMap<>();
        for (long user = 1; user <= 3000; user++) {
            CometNode chosen = nodes.choose(user);
            assertThat(chosen.name()).isEqualTo(nodes.choose(user).name()).isEqualTo(again.choose(user).name());
            perNode.merge(chosen.name(), 1, Integer::sum);
        }
        assertThat(perNode).hasSize(3);
        assertThat(perNode.values()).allSatisfy(count -> assertThat(count).isBetween(800, 1200));
    }

    @Test
    void theOrderOfTheConfigDoesNotMoveUsers() {
        CometNodes forward = new CometNodes(endpoints(3));
        List<CometEndpoint> reversed = new java.util.ArrayList<>(endpoints(3));
        java.util.Collections.reverse(reversed);
        CometNodes backward = new CometNodes(reversed);
        for (long user = 1; user <= 500; user++) {
            assertThat(backward.choose(user).name()).isEqualTo(forward.choose(user).name());
        }
    }

    @Test
    void aDownNodesUsersMoveAndOnlyThoseAndComeBackWithIt() {
        CometNodes nodes = new CometNodes(endpoints(3));
        Map<Long, String> before = new HashMap<>();
        for (long user = 1; user <= 1000; user++) {
            before.put(user, nodes.choose(user).name());
        }
        CometNode dead = nodes.all().get(1);
        nodes.down(dead, "test", "connection refused");
        assertThat(dead.isLive()).isFalse();
        assertThat(nodes.live()).hasSize(2).doesNotContain(dead.name());
        for (long user = 1; user <= 1000; user++) {
            String now = nodes.choose(user).name();
            assertThat(now).isNotEqualTo(dead.name());
            if (!before.get(user).equals(dead.name())) {
                assertThat(now).as("user %d was not on the dead node", user).isEqualTo(before.get(user));
            }
            assertThat(nodes.preference(user).get(2)).as("a down node is tried last").isSameAs(dead);
        }
        nodes.up(dead, "test");
        for (long user = 1; user <= 1000; user++) {
            assertThat(nodes.choose(user).name()).isEqualTo(before.get(user));
        }
    }

    @Test
    void withEveryNodeDownTheUsersOwnOrderStillHoldsEveryNode() {
        CometNodes nodes = new CometNodes(endpoints(2));
        CometNode preferred = nodes.choose(7);
        nodes.all().forEach(n -> nodes.down(n, "test", "refused"));
        assertThat(nodes.preference(7)).hasSize(2).first().isSameAs(preferred);
        assertThat(nodes.live()).isEmpty();
    }

    @Test
    void nodesAreFoundByTheirWebSocketAddress() {
        CometNodes nodes = new CometNodes(endpoints(2));
        assertThat(nodes.byWebSocket(CometEndpoint.loopback(1, 8082))).containsSame(nodes.all().get(1));
        assertThat(nodes.byWebSocket(CometEndpoint.loopback(1, 9999))).isEmpty();
    }
}

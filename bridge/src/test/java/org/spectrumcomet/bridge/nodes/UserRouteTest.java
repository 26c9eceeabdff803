package org.spectrumcomet.bridge.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.spectrumcomet.bridge.comet.CometEndpoint;

class UserRouteTest {

    private final CometNodes nodes = new CometNodes(CometNodesTest.endpoints(2));

    @Test
    void aFailedAttemptMarksTheNodeDownAndTheNextAttemptGoesToTheOtherNode() {
        UserRoute route = new UserRoute(nodes, 42);
        CometEndpoint first = route.next();
        assertThat(first).isEqualTo(nodes.choose(42).endpoint());
        route.unreachable(first, "connection refused");
        assertThat(nodes.byWebSocket(first).orElseThrow().isLive()).isFalse();
        CometEndpoint second = route.next();
        assertThat(second).isNotEqualTo(first);
        assertThat(route.next()).as("stays on the live node").isEqualTo(second);
        assertThat(route.nodes()).isEqualTo(2);
    }

    @Test
    void withEveryNodeDownTheAttemptsCycleThroughAllNodesAndALoginRevivesItsNode() {
        UserRoute route = new UserRoute(nodes, 42);
        nodes.all().forEach(n -> nodes.down(n, "test", "refused"));
        CometEndpoint a = route.next();
        CometEndpoint b = route.next();
        assertThat(a).isNotEqualTo(b);
        assertThat(route.next()).isEqualTo(a);
        route.reached(b);
        assertThat(nodes.byWebSocket(b).orElseThrow().isLive()).isTrue();
        assertThat(route.next()).isEqualTo(b);
    }
}

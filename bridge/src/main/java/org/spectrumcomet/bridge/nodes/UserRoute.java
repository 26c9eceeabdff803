package org.spectrumcomet.bridge.nodes;

import org.spectrumcomet.bridge.comet.CometEndpoint;
import org.spectrumcomet.bridge.comet.CometRoute;

/**
 * One user's {@link CometRoute}: each attempt goes to the user's preferred live node; an attempt that
 * failed marks its node down (so the next attempt, and other users' logins, go elsewhere); one that
 * succeeded marks it live. When every node is down the attempts cycle through all of them in the
 * user's order, so whichever comes back first is found.
 */
public final class UserRoute implements CometRoute {

    private final CometNodes nodes;
    private final long userId;
    // Confined to the socket's event loop:
    private int cycle;

    public UserRoute(CometNodes nodes, long userId) {
        this.nodes = nodes;
        this.userId = userId;
    }

    @Override
    public CometEndpoint next() {
        var order = nodes.preference(userId);
        CometNode first = order.get(0);
        if (first.isLive()) {
            cycle = 0;
            return first.endpoint();
        }
        return order.get(Math.floorMod(cycle++, order.size())).endpoint();
    }

    @Override
    public void reached(CometEndpoint node) {
        nodes.byWebSocket(node).ifPresent(n -> nodes.up(n, "user " + userId + " logged in there"));
    }

    @Override
    public void unreachable(CometEndpoint node, String reason) {
        nodes.byWebSocket(node).ifPresent(n -> nodes.down(n, "socket of user " + userId, reason));
    }

    @Override
    public int nodes() {
        return nodes.size();
    }
}

package org.spectrumcomet.bridge.nodes;

import java.util.concurrent.atomic.AtomicBoolean;
import org.spectrumcomet.bridge.comet.CometEndpoint;

/**
 * One comet node: its endpoints and whether the bridge currently counts it live. A node starts
 * live; it is marked down when a connection to it cannot be made and live again when a probe or a
 * socket reaches it ({@link CometNodes}).
 */
public final class CometNode {

    private final int index;
    private final CometEndpoint endpoint;
    private final String name;
    private final long seed;
    private final AtomicBoolean live = new AtomicBoolean(true);

    CometNode(int index, CometEndpoint endpoint) {
        this.index = index;
        this.endpoint = endpoint;
        this.name = endpoint.wsHost() + ":" + endpoint.wsPort();
        // The seed comes from the address, not the position, so reordering the config keeps users in place.
        this.seed = RendezvousHash.mix(name.hashCode() * 0x9E3779B97F4A7C15L + endpoint.cometqlPort());
    }

    /** Position in the {@code [comet]} lists. */
    public int index() {
        return index;
    }

    public CometEndpoint endpoint() {
        return endpoint;
    }

    /** {@code host:port} of the node's WebSocket, as logs name the node. */
    public String name() {
        return name;
    }

    long seed() {
        return seed;
    }

    public boolean isLive() {
        return live.get();
    }

    /** Sets liveness; true when this call changed it (so only one caller logs the change). */
    boolean setLive(boolean value) {
        return live.compareAndSet(!value, value);
    }

    @Override
    public String toString() {
        return "node " + name + (isLive() ? "" : " (down)");
    }
}

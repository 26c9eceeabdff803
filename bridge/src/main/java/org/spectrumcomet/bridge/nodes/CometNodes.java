package org.spectrumcomet.bridge.nodes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectrumcomet.bridge.comet.CometEndpoint;

/**
 * The comet nodes of the network and the bridge's view of which are live. Thread-safe.
 *
 * <p><b>Spreading.</b> A key (a user id for sockets and private messages, a pipe name's hash for
 * pipe statements) prefers the nodes in {@link RendezvousHash} order. {@link #preference} puts the
 * live nodes first in that order, then the down ones (tried last, so a network whose nodes all look
 * down is still tried). A user's socket therefore lands on the same node at every LOGIN while that
 * node is live — all devices of one login share it — and moves only when it is down.
 *
 * <p><b>Liveness.</b> Only a failed <em>connection</em> (TCP refused or timed out, a socket closed
 * before comet's first answer, a CometQL login failing on the network) marks a node down; a socket
 * closed on a live node does not, since comet closes single sockets for reasons of their own (a
 * slow consumer). A down node is live again when a {@link NodeProbe} or a socket reaches it; it is
 * then chosen again for new logins (sockets already moved stay where they are).
 */
public final class CometNodes {

    private static final Logger LOG = LoggerFactory.getLogger(CometNodes.class);

    private final List<CometNode> nodes;

    public CometNodes(List<CometEndpoint> endpoints) {
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("at least one comet node is needed");
        }
        List<CometNode> list = new ArrayList<>();
        for (CometEndpoint e : endpoints) {
            list.add(new CometNode(list.size(), e));
        }
        this.nodes = List.copyOf(list);
    }

    public List<CometNode> all() {
        return nodes;
    }

    public int size() {
        return nodes.size();
    }

    /** Every node for {@code key}: live ones in rendezvous order, then down ones in that order. */
    public List<CometNode> preference(long key) {
        // Liveness is read once per node: another thread may flip it mid-sort, and a comparator whose
        // answers change during the sort breaks it.
        List<Ranked> ranked = new ArrayList<>(nodes.size());
        for (CometNode n : nodes) {
            ranked.add(new Ranked(n, n.isLive(), RendezvousHash.score(key, n.seed())));
        }
        ranked.sort(Comparator.comparing((Ranked r) -> !r.live()).thenComparing(Ranked::score, Comparator.reverseOrder()));
        return ranked.stream().map(Ranked::node).toList();
    }

    private record Ranked(CometNode node, boolean live, long score) {
    }

    /** The node {@code key} uses now: its first live node in rendezvous order (any node if none is live). */
    public CometNode choose(long key) {
        return preference(key).get(0);
    }

    /** The node with these WebSocket coordinates, if it is one of ours. */
    public Optional<CometNode> byWebSocket(CometEndpoint endpoint) {
        return nodes.stream().filter(n -> n.endpoint().wsHost().equals(endpoint.wsHost())
                && n.endpoint().wsPort() == endpoint.wsPort()).findFirst();
    }

    /** A connection to {@code node} failed: new work avoids it until it is reached again. */
    public void down(CometNode node, String who, String reason) {
        if (node.setLive(false)) {
            LOG.warn("comet {} is down ({}: {}); its users move to the other live nodes: {}", node.name(), who,
                    reason, live());
        }
    }

    /** {@code node} answered: it takes new logins again. */
    public void up(CometNode node, String who) {
        if (node.setLive(true)) {
            LOG.info("comet node {} is back ({}); new logins use it again", node.name(), who);
        }
    }

    /** The live nodes' names, for logs. */
    public List<String> live() {
        return nodes.stream().filter(CometNode::isLive).map(CometNode::name).toList();
    }

    /** A stable key for a pipe (the same on every bridge process and run). */
    public static long keyOf(String pipe) {
        return pipe.hashCode();
    }
}

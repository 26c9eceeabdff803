package org.spectrumcomet.bench.cluster;

import java.util.List;
import org.spectrumcomet.bench.comet.load.Publisher;

/**
 * Publishes to one pipe through every node in turn (one CometQL connection per node): message
 * {@code i} goes in through node {@code i mod N}, as an application spreading its INSERTs over the
 * nodes would. Used by one thread at a time, like every {@link Publisher}.
 */
final class RoundRobinPublisher implements Publisher {

    private final List<Publisher> perNode;
    private int next;

    /** @param perNode one publisher to the same pipe on each node; a first one chosen by the caller */
    RoundRobinPublisher(List<Publisher> perNode, int first) {
        if (perNode.isEmpty()) {
            throw new IllegalArgumentException("no node to publish through");
        }
        this.perNode = List.copyOf(perNode);
        this.next = Math.floorMod(first, perNode.size());
    }

    @Override
    public void publish(String body) throws Exception {
        Publisher through = perNode.get(next);
        next = (next + 1) % perNode.size();
        through.publish(body);
    }

    @Override
    public void close() {
        perNode.forEach(Publisher::close);
    }
}

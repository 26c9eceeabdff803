package org.spectrumcomet.bridge.nodes;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectrumcomet.bridge.comet.CometQlClient;

/**
 * CometQL over the nodes: one {@link CometQlClient} (its own bounded pool and executor) per node; a
 * statement goes to the first live node in its key's order ({@link CometNodes#preference}) and,
 * when {@link RetryRule} allows, to the following ones. Nothing here blocks: a retry is submitted
 * from the failed statement's completion.
 */
public final class NodeStatements implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NodeStatements.class);

    private final CometNodes nodes;
    private final List<CometQlClient> clients;

    /** Opens one client per node (no connection until the first statement). */
    public NodeStatements(CometNodes nodes) {
        this.nodes = nodes;
        this.clients = nodes.all().stream().map(n -> CometQlClient.open(n.endpoint())).toList();
    }

    /**
     * Runs {@code call} on the node {@code key} prefers, then on the next ones while the rule allows.
     *
     * @param what  for logs: the statement and whom it concerns ("private message to user 5")
     * @param write true for INSERT/DELETE (never retried once sent)
     */
    public <T> CompletableFuture<T> run(long key, String what, boolean write,
                                        Function<CometQlClient, CompletableFuture<T>> call) {
        return attempt(nodes.preference(key), 0, what, write, call);
    }

    private <T> CompletableFuture<T> attempt(List<CometNode> order, int i, String what, boolean write,
                                             Function<CometQlClient, CompletableFuture<T>> call) {
        CometNode node = order.get(i);
        CompletableFuture<T> result;
        try {
            result = call.apply(clients.get(node.index()));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return result.handle((value, failure) -> {
            if (failure == null) {
                if (!node.isLive()) {
                    nodes.up(node, "CometQL answered " + what);
                }
                return CompletableFuture.completedFuture(value);
            }
            if (RetryRule.unreachable(failure)) {
                nodes.down(node, "CometQL " + what, RetryRule.unwrap(failure).getMessage());
            }
            if (i + 1 < order.size() && RetryRule.retryElsewhere(failure, write)) {
                LOG.warn("CometQL {} failed on comet node {} ({}); not sent there, trying node {}", what, node.name(),
                        RetryRule.unwrap(failure).getMessage(), order.get(i + 1).name());
                return attempt(order, i + 1, what, write, call);
            }
            return CompletableFuture.<T>failedFuture(RetryRule.unwrap(failure));
        }).thenCompose(Function.identity());
    }

    @Override
    public void close() {
        clients.forEach(CometQlClient::close);
    }
}

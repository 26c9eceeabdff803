package org.spectrumcomet.bridge.nodes;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.spectrumcomet.bridge.comet.CometQlException;

/**
 * When a CometQL statement that failed on one node is tried on the next live node — the one place
 * the bridge decides it, so that a message is never published twice.
 *
 * <ul>
 *   <li><b>Node unreachable</b> ({@link CometQlException.Unreachable}: no connection could be made or
 *       logged in — TCP refused, connect timeout, link failed during the CometQL handshake): the
 *       statement was certainly not sent, so reads and writes go to the next node, and the node is
 *       marked down.</li>
 *   <li><b>Link broke with the statement on it</b> (a connection error after the text went out, or
 *       {@code query_timeout}): a read (SELECT) is retried on the next node — reading twice is
 *       harmless; a write (INSERT/DELETE) is <em>not</em>: the node may have run it (and Redis
 *       published it) before dying, so the failure is reported and the user is told it was not
 *       confirmed, rather than risk a second copy.</li>
 *   <li><b>An ERR answer</b>: not retried elsewhere. A live node answered, and every node shares one
 *       Redis: an ERR about the statement (bad name, too long, queue full) would be the same on
 *       every node, and the one node-level ERR of our server, 500 "Store unreachable … not
 *       confirmed", explicitly does not rule out that the write reached Redis.</li>
 *   <li><b>Local bounds</b> ({@link CometQlException.Busy}, {@link CometQlException.TooLarge}): not
 *       retried; the bridge's own queue or pool is the limit, not the node.</li>
 * </ul>
 */
final class RetryRule {

    private RetryRule() {
    }

    /** The node could not be reached at all: the statement was not sent. */
    static boolean unreachable(Throwable failure) {
        return unwrap(failure) instanceof CometQlException.Unreachable;
    }

    /** True when the failed statement may run on another node without any risk of running twice. */
    static boolean retryElsewhere(Throwable failure, boolean write) {
        Throwable e = unwrap(failure);
        if (e instanceof CometQlException.Unreachable) {
            return true;
        }
        if (write || !(e instanceof CometQlException c)) {
            return false;
        }
        return c.serverCode() == 0 && !(c instanceof CometQlException.Busy) && !(c instanceof CometQlException.TooLarge);
    }

    static Throwable unwrap(Throwable failure) {
        Throwable e = failure;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}

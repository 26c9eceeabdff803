package org.spectrumcomet.bridge.comet;

/**
 * Which comet node a user's {@link CometSocket} connects to, attempt by attempt. With one node
 * ({@link #fixed}) it always answers the same; over several nodes the bridge's
 * {@code org.spectrumcomet.bridge.nodes} package answers with the user's preferred live node and
 * learns from the socket which nodes cannot be reached.
 *
 * <p>Only the node's addresses ({@code ws} host, port, path, {@code dev_id}) are taken from the
 * endpoint returned; timeouts, bounds and keys come from the endpoint the socket was opened with.
 * Called on the socket's event loop: implementations must not block.
 */
public interface CometRoute {

    /** The node for the next connection attempt. */
    CometEndpoint next();

    /** The socket logged in on {@code node} (serverInfo authorized). */
    void reached(CometEndpoint node);

    /** A connection attempt to {@code node} failed before serverInfo (refused, timed out, closed). */
    void unreachable(CometEndpoint node, String reason);

    /** How many nodes there are: the most attempts worth making in a row before backing off. */
    int nodes();

    /** The single-node route. */
    static CometRoute fixed(CometEndpoint node) {
        return new CometRoute() {
            @Override
            public CometEndpoint next() {
                return node;
            }

            @Override
            public void reached(CometEndpoint n) {
            }

            @Override
            public void unreachable(CometEndpoint n, String reason) {
            }

            @Override
            public int nodes() {
                return 1;
            }
        };
    }
}

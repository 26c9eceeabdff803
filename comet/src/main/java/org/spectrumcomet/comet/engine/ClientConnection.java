package org.spectrumcomet.comet.engine;

/**
 * One live client connection as the engine sees it, implemented by the protocol layer that owns
 * the socket (WebSocket, JSON API).
 */
public interface ClientConnection {

    /**
     * Hands an event to the connection. Never blocks: the connection queues it within its own
     * bound and applies its documented overflow policy.
     *
     * @return a future-like answer: true when the event was accepted for writing, false when the
     *         connection is closed or refused it (the engine then keeps a private message queued)
     */
    boolean deliver(CometEvent event);

    /**
     * {@link #deliver(CometEvent)} of a pipe publish, with the {@link System#nanoTime()} at which
     * the engine of this node accepted it, so the connection can time publish → socket
     * ({@code comet_publish_delivery_seconds}).
     */
    default boolean deliver(CometEvent event, long acceptedNanos) {
        return deliver(event);
    }

    /** Closes the connection, telling the client why when the protocol allows. */
    void close(String reason);

    /** The connection's client-chosen id (CppComet's {@code uuid}), may be empty. */
    String uuid();

    /** What the client said about itself, for {@code users_in_pipes}. */
    ClientInfo info();
}

package org.spectrumcomet.backend.link;

import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/**
 * What the link reports as it runs, for metrics. Called on the link's event loop: an
 * implementation only counts (no locks, no I/O) and returns.
 */
public interface LinkObserver {

    /** Reports nothing. */
    LinkObserver NONE = new LinkObserver() {
    };

    /** The link to the main instance is up (BACKEND_CONFIG sent). */
    default void linkUp() {
    }

    /** The link ended (any reason). */
    default void linkDown() {
    }

    /** A frame arrived from the main, PING and EXIT included. */
    default void frameReceived(Type type) {
    }

    /** A PING was answered: {@code nanos} from reading the PING to the PONG being written to the socket. */
    default void pingAnswered(long nanos) {
    }
}

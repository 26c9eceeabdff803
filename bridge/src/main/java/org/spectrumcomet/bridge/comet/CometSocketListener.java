package org.spectrumcomet.bridge.comet;

/**
 * Receives what one user's {@link CometSocket} sees. Calls for one socket arrive one at a time,
 * in order, on the executor given to {@link CometSocket#open} — never on a Netty event loop — so a
 * listener may do modest work; while it lags, the socket stops reading (see {@code ws_max_pending}).
 */
public interface CometSocketListener {

    /** A frame after the login: messages, presence, track changes, errors, answers. */
    void onEvent(CometEvent event);

    /** The link dropped after a successful login; the socket is reconnecting with backoff. */
    default void onLinkLost(String reason) {
    }

    /** Reconnected and authorised again; the subscription list has been resent. */
    default void onLinkRestored() {
    }

    /** A reconnect found the key no longer accepted; the socket has stopped for good. */
    default void onKeyRejected() {
    }
}

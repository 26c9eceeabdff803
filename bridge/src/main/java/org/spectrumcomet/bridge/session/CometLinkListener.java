package org.spectrumcomet.bridge.session;

/**
 * Events of one user's socket. Called on the comet client's threads (possibly an event loop), so an
 * implementation only hands the event over and returns.
 */
public interface CometLinkListener {

    /** A private message (pipe {@code msg}), live or from the offline queue. */
    void privateMessage(CometMessage message);

    /** A message on a subscribed pipe, including {@code user_status_<id>} notices. */
    void pipeMessage(CometMessage message);

    /** A {@code track_*} pipe's {@code subscription}/{@code unsubscription} notice. */
    void tracked(String pipe, long userId, String connection, boolean joined);

    /** The socket went down after having been open; the client is reconnecting. */
    void linkLost(String reason);

    /** The socket is up again (subscriptions resent); {@code authorized} from the new serverInfo. */
    void linkRestored(boolean authorized);
}

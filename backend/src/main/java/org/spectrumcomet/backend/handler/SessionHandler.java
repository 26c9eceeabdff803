package org.spectrumcomet.backend.handler;

import org.spectrumcomet.protocol.pb.Protocol;

/**
 * Logging users in and out of the legacy network (spec §5.3, §5.4, §6).
 *
 * <p>Every LOGIN must eventually be answered with exactly one
 * {@link org.spectrumcomet.backend.outbound.MainInstance#connected CONNECTED} or
 * {@link org.spectrumcomet.backend.outbound.MainInstance#disconnected DISCONNECTED}; the main
 * has no login timeout. The library enforces "once" (a second answer is dropped with a warning)
 * and answers for the handler in two cases:
 * <ul>
 *   <li>{@link #login} throws before answering: DISCONNECTED(OTHER_ERROR), so the main
 *       reconnects the user (at most three times in a row, then gives up);</li>
 *   <li>the backend has no {@code SessionHandler} at all: DISCONNECTED(AUTHENTICATION_IMPOSSIBLE)
 *       with message "this backend cannot log users in" — final, the main does not retry.</li>
 * </ul>
 * After LOGOUT the library drops any DISCONNECTED for that user (a late one would be counted
 * against the next session).
 */
public interface SessionHandler {

    /**
     * A user wants to be connected. Treat it as "(re)connect": another session for the same
     * account may still exist (spec §1.3). Assume ONLINE until {@link #statusChanged} says otherwise.
     */
    void login(Protocol.Login login);

    /** Disconnect and forget the user; no reply. May arrive for a user that is not logged in. */
    void logout(Protocol.Logout logout);

    /** The user's XMPP presence changed (0–4, or 6 = invisible). Ignored unless overridden. */
    default void statusChanged(Protocol.Status status) {
    }
}

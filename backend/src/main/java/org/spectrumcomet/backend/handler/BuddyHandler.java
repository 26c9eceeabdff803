package org.spectrumcomet.backend.handler;

import org.spectrumcomet.protocol.pb.Protocol;

/**
 * Roster changes made by the XMPP user (spec §5.13, §7.3). All optional: a backend without a
 * {@code BuddyHandler} ignores them with a debug log.
 */
public interface BuddyHandler {

    /** The user added, accepted or renamed/regrouped a contact (status is NONE, no "blocked"). */
    default void buddyChanged(Protocol.Buddy buddy) {
    }

    /** The user removed a contact or denied a request. */
    default void buddyRemoved(Protocol.Buddy buddy) {
    }

    /** BUDDIES: the stored roster right after LOGIN, only with {@code send_buddies_on_login=1}. */
    default void buddies(Protocol.Buddies buddies) {
    }
}

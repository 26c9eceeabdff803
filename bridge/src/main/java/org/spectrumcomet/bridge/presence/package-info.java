/**
 * Presence: roster buddies' online state from comet ({@code users_time}, {@code user_status_<id>})
 * as BUDDY_CHANGED, and the user's own XMPP status published as a comet status event.
 */
package org.spectrumcomet.bridge.presence;

/**
 * Rooms: XMPP multi-user chat rooms as comet pipes — the reversible room ⇄ pipe naming, joins with
 * occupants, self presence and history, messages both ways with exactly-once echo, and the replay
 * of missed messages after a reconnect.
 */
package org.spectrumcomet.bridge.rooms;

package org.spectrumcomet.backend.handler;

import org.spectrumcomet.protocol.pb.Protocol;

/**
 * Multi-user chat rooms (spec §8).
 *
 * <p>JOIN_ROOM is re-sent after every CONNECTED, so {@link #joinRoom} must be idempotent
 * (re-send participants and subject). Without a {@code RoomHandler} the library refuses every
 * join with PARTICIPANT_CHANGED for the requested own nick, flag ROOM_NOT_FOUND and status
 * message "rooms are not supported by this backend"; the main then answers the XMPP client
 * with item-not-found and sends LEAVE_ROOM, which is ignored.
 */
public interface RoomHandler {

    /** JOIN_ROOM: answer with participants, own presence last, then the subject (spec §8.2). */
    void joinRoom(Protocol.Room room);

    /** LEAVE_ROOM: the XMPP side is already answered; no reply. */
    void leaveRoom(Protocol.Room room);

    /** ROOM_SUBJECT_CHANGED from the user ({@code buddyName} = room). Ignored unless overridden. */
    default void subjectChanged(Protocol.ConversationMessage subject) {
    }
}

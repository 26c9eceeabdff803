package org.spectrumcomet.backend.outbound;

import java.util.List;

/**
 * The typed outbound API: one method per frame a backend may send to the Spectrum main instance.
 * Safe to call from any thread; frames leave in call order per thread through the link's single
 * channel.
 *
 * <p>Every method returns {@code true} when the frame was handed to the link and {@code false}
 * when it was dropped (with a log line naming the user): the link is not up, the outbound cap is
 * reached (see {@link org.spectrumcomet.backend.link.OutboundGate}), or a session rule says so
 * ({@link LoginLedger}). Strings are cleaned with {@link XmlText}; nulls count as "".
 */
public interface MainInstance {

    /** CONNECTED: the user's legacy login succeeded. Once per LOGIN. */
    boolean connected(String user);

    /**
     * DISCONNECTED: the login failed or the session ended. After LOGIN (also after CONNECTED),
     * once; never after LOGOUT. {@link ConnectionError#reconnects()} tells what the main does next.
     */
    boolean disconnected(String user, ConnectionError error, String message);

    /** BUDDY_CHANGED with the buddy's complete state (the main overwrites status, message, icon, blocked). */
    boolean buddyChanged(String user, BuddyState buddy);

    /** BUDDY_REMOVED: the contact is gone from the legacy side. */
    boolean buddyRemoved(String user, String buddyName);

    /** CONV_MESSAGE from a contact, a room (nickname set) or a room occupant (pm). */
    boolean message(String user, ChatMessage message);

    /** CONV_MESSAGE_ACK: the legacy network delivered the user's message with this id (XEP-0184). */
    boolean messageAck(String user, String buddyName, String id);

    /** PARTICIPANT_CHANGED: an occupant joined, changed, renamed or left; or a join error on the own nick. */
    boolean participantChanged(String user, ParticipantState participant);

    /** ROOM_SUBJECT_CHANGED: {@code setter} is always sent (an empty one can create a bogus chat). */
    boolean roomSubject(String user, String room, String subject, String setter);

    /** ROOM_NICKNAME_CHANGED: the user's own nick in the room is now {@code nickname}. */
    boolean roomNicknameChanged(String user, String room, String nickname);

    /** BUDDY_TYPING (18): the contact is composing. Dropped by the main unless a conversation exists. */
    boolean typing(String user, String buddyName);

    /** BUDDY_TYPED (20): the contact paused typing. */
    boolean typed(String user, String buddyName);

    /** BUDDY_STOPPED_TYPING (19): the contact is active, not typing. */
    boolean stoppedTyping(String user, String buddyName);

    /** ATTENTION: a XEP-0224 buzz from the contact with an optional text. */
    boolean attention(String user, String buddyName, String message);

    /** VCARD: the answer to a request; {@code requestId} is the request's id, echoed. */
    boolean vcard(String user, String buddyName, int requestId, VCardContent content);

    /** AUTH_REQUEST: the contact asks to be added; the main may or may not answer. */
    boolean authRequest(String user, String buddyName);

    /** ROOM_LIST for one user, or the global list when {@code user} is null or empty. */
    boolean roomList(String user, List<RoomListEntry> rooms);

    /** RAW_XML: one complete stanza (only meaningful after advertising {@code rawxml}). */
    boolean rawXml(String stanza);

    /** QUERY: an admin command line; the answer arrives at the QueryHandler. */
    boolean query(String command);
}

package org.spectrumcomet.backend.handler;

import org.spectrumcomet.protocol.pb.Protocol;

/**
 * Messages, chat states and attention from the XMPP user (spec §5.5, §5.7, §5.8).
 *
 * <p>Buddy names are compared case-insensitively by the main; room names exactly. A private
 * message to a room occupant arrives with {@code buddyName = "room/nick"}. Without a
 * {@code MessageHandler} all of these are ignored with a debug log.
 */
public interface MessageHandler {

    /** CONV_MESSAGE: {@code id} is set only when the client asked for a delivery receipt. */
    void message(Protocol.ConversationMessage message);

    /** BUDDY_TYPING (18): composing. Ignored unless overridden. */
    default void typing(Protocol.Buddy buddy) {
    }

    /** BUDDY_TYPED (20): paused. Ignored unless overridden. */
    default void typed(Protocol.Buddy buddy) {
    }

    /** BUDDY_STOPPED_TYPING (19): active; precedes nearly every message. Ignored unless overridden. */
    default void stoppedTyping(Protocol.Buddy buddy) {
    }

    /** ATTENTION (22): XEP-0224 buzz, message may be "". Ignored unless overridden. */
    default void attention(Protocol.ConversationMessage attention) {
    }
}

package org.spectrumcomet.echo;

import org.spectrumcomet.backend.handler.MessageHandler;
import org.spectrumcomet.backend.outbound.ChatMessage;
import org.spectrumcomet.backend.outbound.MainInstance;
import org.spectrumcomet.protocol.pb.Protocol;

/**
 * Every contact is an echo: a message comes back from the contact (acknowledged first when it has
 * an id), chat states and attention are mirrored. Room messages go to {@link EchoRooms}; a private
 * message to {@code room/nick} is answered privately by that occupant.
 */
final class EchoConversations implements MessageHandler {

    private final MainInstance main;
    private final EchoRooms rooms;

    EchoConversations(MainInstance main, EchoRooms rooms) {
        this.main = main;
        this.rooms = rooms;
    }

    @Override
    public void message(Protocol.ConversationMessage message) {
        String user = message.getUserName();
        String buddy = message.getBuddyName();
        String ownNick = rooms.nicknameIn(user, buddy);
        if (ownNick != null) {
            rooms.roomMessage(user, buddy, ownNick, message.getMessage());
            return;
        }
        if (!message.getId().isEmpty()) {
            main.messageAck(user, buddy, message.getId());
        }
        int slash = buddy.indexOf('/');
        if (slash > 0 && rooms.nicknameIn(user, buddy.substring(0, slash)) != null) {
            main.message(user, ChatMessage.builder(buddy.substring(0, slash), message.getMessage())
                    .nickname(buddy.substring(slash + 1)).pm(true).build());
            return;
        }
        main.message(user, ChatMessage.builder(buddy, message.getMessage()).build());
    }

    @Override
    public void typing(Protocol.Buddy buddy) {
        main.typing(buddy.getUserName(), buddy.getBuddyName());
    }

    @Override
    public void typed(Protocol.Buddy buddy) {
        main.typed(buddy.getUserName(), buddy.getBuddyName());
    }

    @Override
    public void stoppedTyping(Protocol.Buddy buddy) {
        main.stoppedTyping(buddy.getUserName(), buddy.getBuddyName());
    }

    @Override
    public void attention(Protocol.ConversationMessage attention) {
        main.attention(attention.getUserName(), attention.getBuddyName(), attention.getMessage());
    }
}

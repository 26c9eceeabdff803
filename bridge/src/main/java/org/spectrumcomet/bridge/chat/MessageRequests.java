package org.spectrumcomet.bridge.chat;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectrumcomet.backend.handler.MessageHandler;
import org.spectrumcomet.bridge.comet.CometBody;
import org.spectrumcomet.bridge.session.Sessions;
import org.spectrumcomet.bridge.session.UserSession;
import org.spectrumcomet.protocol.pb.Protocol;

/**
 * CONV_MESSAGE, chat states and ATTENTION from the main, routed to the user's session: to a
 * joined room ({@code buddyName} = the room exactly), to a room occupant ({@code "room/nick"}),
 * or to a buddy (a comet user id). Frames for users without a session are dropped with a debug log.
 */
public final class MessageRequests implements MessageHandler {

    private static final Logger LOG = LoggerFactory.getLogger(MessageRequests.class);

    private final Sessions sessions;

    public MessageRequests(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void message(Protocol.ConversationMessage message) {
        String text = message.getMessage();
        if (text.isEmpty()) {
            LOG.debug("user {}: empty message to {} ignored (XHTML only is not sent to comet)",
                    message.getUserName(), message.getBuddyName());
            return;
        }
        String buddy = message.getBuddyName();
        String id = message.getId();
        on(message.getUserName(), s -> {
            if (s.rooms().isJoined(buddy)) {
                s.rooms().send(buddy, text, id);
            } else if (s.rooms().isPrivateAddress(buddy)) {
                s.rooms().sendPrivate(buddy, text, id);
            } else {
                s.chat().send(buddy, text, id);
            }
        });
    }

    @Override
    public void typing(Protocol.Buddy buddy) {
        state(buddy, CometBody.Kind.TYPING);
    }

    @Override
    public void typed(Protocol.Buddy buddy) {
        state(buddy, CometBody.Kind.PAUSED);
    }

    @Override
    public void stoppedTyping(Protocol.Buddy buddy) {
        state(buddy, CometBody.Kind.STOPPED);
    }

    @Override
    public void attention(Protocol.ConversationMessage attention) {
        String buddy = attention.getBuddyName();
        on(attention.getUserName(), s -> s.chat().notify(buddy, CometBody.Kind.ATTENTION, attention.getMessage()));
    }

    private void state(Protocol.Buddy buddy, CometBody.Kind kind) {
        String name = buddy.getBuddyName();
        on(buddy.getUserName(), s -> {
            if (!s.rooms().isJoined(name) && !s.rooms().isPrivateAddress(name)) {
                s.chat().notify(name, kind, "");
            }
        });
    }

    private void on(String jid, Consumer<UserSession> work) {
        sessions.find(jid).ifPresentOrElse(s -> s.execute(() -> work.accept(s)),
                () -> LOG.debug("user {}: no session, frame dropped", jid));
    }
}

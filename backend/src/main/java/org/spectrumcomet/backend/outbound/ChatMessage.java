package org.spectrumcomet.backend.outbound;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.spectrumcomet.protocol.pb.Protocol;

/**
 * A CONV_MESSAGE from the legacy side (spec §5.5). Three shapes:
 * <ul>
 *   <li>1:1: {@code buddyName} = contact, no nickname (a nickname there changes the sender JID and
 *       may get the message dropped);</li>
 *   <li>room: {@code buddyName} = room exactly as in JOIN_ROOM, {@code nickname} = sender;</li>
 *   <li>private message from an occupant: room + nickname + {@code pm}.</li>
 * </ul>
 */
public final class ChatMessage {

    private final Protocol.ConversationMessage.Builder template;

    private ChatMessage(Protocol.ConversationMessage.Builder template) {
        this.template = template;
    }

    public static Builder builder(String buddyName, String body) {
        return new Builder(buddyName, body);
    }

    /** The message for {@code user}, with every required field set. */
    Protocol.ConversationMessage toMessage(String user) {
        return template.clone().setUserName(XmlText.clean(user)).build();
    }

    /** Collects a message; only buddy name and body are needed. */
    public static final class Builder {
        private final String buddyName;
        private final String body;
        private String nickname = "";
        private String xhtml = "";
        private Instant timestamp;
        private String id = "";
        private boolean headline;
        private boolean pm;
        private boolean carbon;
        private final List<Attachment> attachments = new ArrayList<>();

        private Builder(String buddyName, String body) {
            this.buddyName = Objects.requireNonNull(buddyName, "buddyName");
            this.body = Objects.requireNonNullElse(body, "");
        }

        /** The sender's nick in a room (leave unset for 1:1). */
        public Builder nickname(String nickname) {
            this.nickname = Objects.requireNonNullElse(nickname, "");
            return this;
        }

        /** XHTML-IM markup, used only when the main has {@code enable_xhtml}. */
        public Builder xhtml(String xhtml) {
            this.xhtml = Objects.requireNonNullElse(xhtml, "");
            return this;
        }

        /** When the message was sent, for delayed delivery or room history. */
        public Builder timestamp(Instant timestamp) {
            this.timestamp = timestamp;
            return this;
        }

        /** The legacy message id; the main ignores it today. */
        public Builder id(String id) {
            this.id = Objects.requireNonNullElse(id, "");
            return this;
        }

        public Builder headline(boolean headline) {
            this.headline = headline;
            return this;
        }

        /** A private message from the occupant {@code nickname} of the room {@code buddyName}. */
        public Builder pm(boolean pm) {
            this.pm = pm;
            return this;
        }

        /** A message the user sent from another legacy client (XEP-0280 carbon). */
        public Builder carbon(boolean carbon) {
            this.carbon = carbon;
            return this;
        }

        public Builder attachment(Attachment attachment) {
            attachments.add(Objects.requireNonNull(attachment, "attachment"));
            return this;
        }

        public ChatMessage build() {
            Protocol.ConversationMessage.Builder b = Protocol.ConversationMessage.newBuilder()
                    .setBuddyName(XmlText.clean(buddyName))
                    .setMessage(XmlText.clean(body));
            if (!nickname.isEmpty()) {
                b.setNickname(XmlText.clean(nickname));
            }
            if (!xhtml.isEmpty()) {
                b.setXhtml(XmlText.clean(xhtml));
            }
            if (timestamp != null) {
                b.setTimestamp(SpectrumTimestamp.format(timestamp));
            }
            if (!id.isEmpty()) {
                b.setId(XmlText.clean(id));
            }
            if (headline) {
                b.setHeadline(true);
            }
            if (pm) {
                b.setPm(true);
            }
            if (carbon) {
                b.setCarbon(true);
            }
            for (Attachment a : attachments) {
                b.addAttachment(Protocol.Attachment.newBuilder()
                        .setUrl(XmlText.clean(a.url()))
                        .setMimeType(XmlText.clean(a.mimeType()))
                        .setDescription(XmlText.clean(a.description())));
            }
            return new ChatMessage(b);
        }
    }
}

package org.spectrumcomet.backend.outbound;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.spectrumcomet.protocol.pb.Protocol;

/**
 * A room occupant for PARTICIPANT_CHANGED (spec §8.3). The main treats the occupant whose shown
 * name (alias, else nickname) equals the user's room nickname as the user's own presence.
 */
public final class ParticipantState {

    private final Protocol.Participant.Builder template;

    private ParticipantState(Protocol.Participant.Builder template) {
        this.template = template;
    }

    /** An ONLINE occupant without flags. */
    public static Builder builder(String room, String nickname) {
        return new Builder(room, nickname);
    }

    Protocol.Participant toParticipant(String user) {
        return template.clone().setUserName(XmlText.clean(user)).build();
    }

    /** Collects an occupant's state. */
    public static final class Builder {
        private final String room;
        private final String nickname;
        private final Set<ParticipantFlag> flags = EnumSet.noneOf(ParticipantFlag.class);
        private PresenceStatus status = PresenceStatus.ONLINE;
        private String statusMessage = "";
        private String newname = "";
        private String iconHash = "";
        private String alias = "";

        private Builder(String room, String nickname) {
            this.room = Objects.requireNonNull(room, "room");
            this.nickname = Objects.requireNonNull(nickname, "nickname");
        }

        public Builder flag(ParticipantFlag flag) {
            flags.add(Objects.requireNonNull(flag, "flag"));
            return this;
        }

        public Builder flags(Set<ParticipantFlag> flags) {
            this.flags.addAll(flags);
            return this;
        }

        /** NONE = the occupant left. */
        public Builder status(PresenceStatus status) {
            this.status = Objects.requireNonNull(status, "status");
            return this;
        }

        /** Also the error text for CONFLICT / NOT_AUTHORIZED / ROOM_NOT_FOUND on the own nick. */
        public Builder statusMessage(String statusMessage) {
            this.statusMessage = Objects.requireNonNullElse(statusMessage, "");
            return this;
        }

        /** A nick change from {@code nickname} to {@code newname}. */
        public Builder newname(String newname) {
            this.newname = Objects.requireNonNullElse(newname, "");
            return this;
        }

        public Builder iconHash(String iconHash) {
            this.iconHash = Objects.requireNonNullElse(iconHash, "");
            return this;
        }

        /** Shown as the occupant's resource instead of the nickname. */
        public Builder alias(String alias) {
            this.alias = Objects.requireNonNullElse(alias, "");
            return this;
        }

        public ParticipantState build() {
            Protocol.Participant.Builder b = Protocol.Participant.newBuilder()
                    .setRoom(XmlText.clean(room))
                    .setNickname(XmlText.clean(nickname))
                    .setFlag(ParticipantFlag.bits(flags))
                    .setStatus(status.wire())
                    .setStatusMessage(XmlText.clean(statusMessage));
            if (!newname.isEmpty()) {
                b.setNewname(XmlText.clean(newname));
            }
            if (!iconHash.isEmpty()) {
                b.setIconHash(XmlText.clean(iconHash));
            }
            if (!alias.isEmpty()) {
                b.setAlias(XmlText.clean(alias));
            }
            return new ParticipantState(b);
        }
    }
}

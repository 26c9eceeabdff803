package org.spectrumcomet.backend.outbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.spectrumcomet.protocol.pb.Protocol;

/**
 * A contact's complete state for BUDDY_CHANGED. The main overwrites status, status message, icon
 * hash and blocked on every BUDDY_CHANGED (an omitted status reads as ONLINE, an omitted icon hash
 * clears the avatar), so this type always sends all of them (spec §7.1).
 */
public final class BuddyState {

    private final String buddyName;
    private final String alias;
    private final List<String> groups;
    private final PresenceStatus status;
    private final String statusMessage;
    private final String iconHash;
    private final boolean blocked;

    private BuddyState(Builder b) {
        this.buddyName = b.buddyName;
        this.alias = b.alias;
        this.groups = List.copyOf(b.groups);
        this.status = b.status;
        this.statusMessage = b.statusMessage;
        this.iconHash = b.iconHash;
        this.blocked = b.blocked;
    }

    /** A buddy that is offline, without alias, groups, message or avatar until set. */
    public static Builder builder(String buddyName) {
        return new Builder(buddyName);
    }

    public String buddyName() {
        return buddyName;
    }

    Protocol.Buddy toBuddy(String user) {
        Protocol.Buddy.Builder b = Protocol.Buddy.newBuilder()
                .setUserName(XmlText.clean(user))
                .setBuddyName(XmlText.clean(buddyName))
                .setAlias(XmlText.clean(alias))
                .setStatus(status.wire())
                .setStatusMessage(XmlText.clean(statusMessage))
                .setIconHash(XmlText.clean(iconHash))
                .setBlocked(blocked);
        for (String group : groups) {
            b.addGroup(XmlText.clean(group));
        }
        return b.build();
    }

    /** Collects a buddy's state; every field has a safe default. */
    public static final class Builder {
        private final String buddyName;
        private String alias = "";
        private final List<String> groups = new ArrayList<>();
        private PresenceStatus status = PresenceStatus.NONE;
        private String statusMessage = "";
        private String iconHash = "";
        private boolean blocked;

        private Builder(String buddyName) {
            this.buddyName = Objects.requireNonNull(buddyName, "buddyName");
        }

        /** Display name; "" keeps the name the main already has. */
        public Builder alias(String alias) {
            this.alias = Objects.requireNonNullElse(alias, "");
            return this;
        }

        /** Roster groups; none keeps the groups the main already has. */
        public Builder groups(List<String> groups) {
            this.groups.clear();
            this.groups.addAll(groups);
            return this;
        }

        public Builder status(PresenceStatus status) {
            this.status = Objects.requireNonNull(status, "status");
            return this;
        }

        public Builder statusMessage(String statusMessage) {
            this.statusMessage = Objects.requireNonNullElse(statusMessage, "");
            return this;
        }

        /** SHA-1 hex of the avatar bytes returned in the vCard; "" = no avatar. */
        public Builder iconHash(String iconHash) {
            this.iconHash = Objects.requireNonNullElse(iconHash, "");
            return this;
        }

        public Builder blocked(boolean blocked) {
            this.blocked = blocked;
            return this;
        }

        public BuddyState build() {
            return new BuddyState(this);
        }
    }
}

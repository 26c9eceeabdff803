package org.spectrumcomet.backend.outbound;

import java.util.EnumMap;
import java.util.Map;

/**
 * The BACKEND_CONFIG text (spec §5.9), built so that it cannot be malformed: the main parses it
 * with boost program_options and dies on a line without {@code =}, a non-boolean value or a key
 * given twice. Each key is a constant here, holds one boolean and is written once, as 0 or 1,
 * in a fixed order; keys never set are left out (the main's defaults apply).
 *
 * <p>The first explicit value of each key wins for the main's lifetime and features are global,
 * so every backend process of a transport must send the same features.
 */
public final class BackendFeatures {

    /** The keys the main reads, in the order they are written. */
    public enum Key {
        NEED_PASSWORD("registration", "needPassword"),
        NEED_REGISTRATION("registration", "needRegistration"),
        MUC("features", "muc"),
        RECEIPTS("features", "receipts"),
        RAWXML("features", "rawxml"),
        DISABLE_JID_ESCAPING("features", "disable_jid_escaping"),
        SEND_BUDDIES_ON_LOGIN("features", "send_buddies_on_login");

        private final String section;
        private final String name;

        Key(String section, String name) {
            this.section = section;
            this.name = name;
        }
    }

    private final Map<Key, Boolean> values;

    private BackendFeatures(Map<Key, Boolean> values) {
        this.values = new EnumMap<>(values);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The value set for a key, or null when the main's default applies. */
    public Boolean get(Key key) {
        return values.get(key);
    }

    /** The exact text sent in {@code BackendConfig.config}. */
    public String toConfigText() {
        StringBuilder text = new StringBuilder();
        String section = null;
        for (Map.Entry<Key, Boolean> e : values.entrySet()) {
            Key key = e.getKey();
            if (!key.section.equals(section)) {
                section = key.section;
                text.append('[').append(section).append("]\n");
            }
            text.append(key.name).append('=').append(e.getValue() ? '1' : '0').append('\n');
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return toConfigText().replace('\n', ' ').trim();
    }

    /** Collects feature values; setting a key twice keeps the last value (still written once). */
    public static final class Builder {
        private final Map<Key, Boolean> values = new EnumMap<>(Key.class);

        private Builder() {
        }

        public Builder set(Key key, boolean value) {
            values.put(key, value);
            return this;
        }

        /** {@code needPassword}: false makes the password optional at registration. */
        public Builder needPassword(boolean value) {
            return set(Key.NEED_PASSWORD, value);
        }

        /** {@code needRegistration}: false lets unregistered users log in. */
        public Builder needRegistration(boolean value) {
            return set(Key.NEED_REGISTRATION, value);
        }

        /** {@code muc}: advertise multi-user chat in the transport's disco#info. */
        public Builder muc(boolean value) {
            return set(Key.MUC, value);
        }

        /** {@code receipts}: advertise XEP-0184 so clients ask for receipts (CONV_MESSAGE_ACK). */
        public Builder receipts(boolean value) {
            return set(Key.RECEIPTS, value);
        }

        /** {@code rawxml}: switch the main to RAW_XML mode, one way, for all backends. */
        public Builder rawXml(boolean value) {
            return set(Key.RAWXML, value);
        }

        public Builder disableJidEscaping(boolean value) {
            return set(Key.DISABLE_JID_ESCAPING, value);
        }

        /** {@code send_buddies_on_login}: the main sends BUDDIES after LOGIN. */
        public Builder sendBuddiesOnLogin(boolean value) {
            return set(Key.SEND_BUDDIES_ON_LOGIN, value);
        }

        public BackendFeatures build() {
            return new BackendFeatures(values);
        }
    }
}

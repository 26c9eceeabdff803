package org.spectrumcomet.conformance.driver;

import java.util.Objects;

/**
 * An XMPP user and the legacy credentials the main sends in LOGIN.
 *
 * @param jid the user's bare JID (lower case, as Spectrum normalises it)
 * @param legacyName the legacy account id
 * @param password the legacy password, may be empty
 */
public record LegacyAccount(String jid, String legacyName, String password) {

    public LegacyAccount {
        Objects.requireNonNull(jid, "jid");
        Objects.requireNonNull(legacyName, "legacyName");
        Objects.requireNonNull(password, "password");
    }
}

package org.spectrumcomet.comet.engine;

import java.util.Optional;

/**
 * The tenants of this comet network. A tenant is a {@code dev_id} (a decimal number; CometQL's
 * user name {@code root} means dev_id 0) with its own secret key, which is the CometQL password
 * and the HMAC/JWT secret for its users.
 */
public interface Tenants {

    /** Normalises a CometQL user name to a dev_id ({@code root} → {@code 0}); empty if not one. */
    Optional<String> devIdOf(String loginName);

    /** The tenant's key, empty when no such tenant is configured. */
    Optional<String> key(String devId);
}

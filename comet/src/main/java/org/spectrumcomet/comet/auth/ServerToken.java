package org.spectrumcomet.comet.auth;

import com.auth0.jwt.interfaces.DecodedJWT;
import java.util.Optional;

/**
 * Checks the bearer token of a server-side JSON API call: the tenant key itself, or a JWT signed
 * with it (same secrets as {@link JwtUserKey}, {@code exp} required) that carries no
 * {@code user_id} claim — a user's key must never grant the right to publish as the server.
 */
public final class ServerToken {

    private ServerToken() {
    }

    /** Empty when the token is good for the tenant, else the reason it is not. */
    public static Optional<String> refusal(Optional<String> tenantKey, String devId, String token) {
        if (tenantKey.isEmpty() || tenantKey.get().isEmpty()) {
            return Optional.of("unknown tenant '" + devId + "'");
        }
        if (token == null || token.isEmpty()) {
            return Optional.of("missing bearer token");
        }
        if (UserKeyCheck.constantTimeEquals(tenantKey.get(), token)) {
            return Optional.empty();
        }
        if (!JwtUserKey.looksLikeJwt(token)) {
            return Optional.of("bearer token is neither the tenant key nor a JWT");
        }
        try {
            DecodedJWT jwt = JwtUserKey.verify(tenantKey.get(), devId, token);
            if (!jwt.getClaim(JwtUserKey.USER_ID).isMissing()) {
                return Optional.of("a user's token (user_id claim) is not a server token");
            }
            return Optional.empty();
        } catch (JwtUserKey.Rejected e) {
            return Optional.of("JWT refused: " + e.getMessage());
        }
    }
}

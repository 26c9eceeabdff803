package org.spectrumcomet.comet.auth;

import com.auth0.jwt.interfaces.DecodedJWT;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.spectrumcomet.comet.engine.CometEngine;
import org.spectrumcomet.comet.engine.Names;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a user key proves a user id: the stored users_auth key, then an HMAC key, then
 * a JWT (see the package documentation). Blocking (reads the engine): call it off the event loop.
 */
public final class UserKeyCheck {

    private static final Logger LOG = LoggerFactory.getLogger(UserKeyCheck.class);

    private final CometEngine engine;

    public UserKeyCheck(CometEngine engine) {
        this.engine = engine;
    }

    /**
     * The outcome of a check.
     *
     * @param userId the proven user, 0 when not authorised
     * @param how which kind of key matched, or why none did
     */
    public record Verdict(long userId, String how) {
        public boolean authorized() {
            return userId > 0;
        }
    }

    /** Checks {@code key} for {@code userId} in {@code tenant}; anything wrong gives user 0. */
    public Verdict check(String tenant, long userId, String key) {
        Verdict verdict = decide(tenant, userId, key);
        if (!verdict.authorized() && userId > 0) {
            LOG.debug("tenant {} user {}: key refused: {}", tenant, userId, verdict.how());
        }
        return verdict;
    }

    /**
     * Finds the user a token proves when the client did not name one separately: a JWT names its
     * user in {@code user_id}; a plain key needs {@code userIdHint} (> 0).
     */
    public Verdict identify(String tenant, String token, long userIdHint) {
        if (userIdHint > 0 || !JwtUserKey.looksLikeJwt(token)) {
            return check(tenant, userIdHint, token);
        }
        Optional<String> tenantKey = engine.tenants().key(tenant);
        if (tenantKey.isEmpty()) {
            return new Verdict(0, "unknown tenant " + tenant);
        }
        try {
            DecodedJWT jwt = JwtUserKey.verify(tenantKey.get(), tenant, token);
            long userId = JwtUserKey.userIdOf(jwt);
            if (userId <= 0 || userId > Names.MAX_USER_ID) {
                return new Verdict(0, "token has no valid user_id claim");
            }
            return new Verdict(userId, "jwt");
        } catch (JwtUserKey.Rejected e) {
            LOG.debug("tenant {}: token refused: {}", tenant, e.getMessage());
            return new Verdict(0, e.getMessage());
        }
    }

    private Verdict decide(String tenant, long userId, String key) {
        if (userId <= 0 || userId > Names.MAX_USER_ID) {
            return new Verdict(0, "no valid user id");
        }
        if (key == null || key.isEmpty()) {
            return new Verdict(0, "empty key");
        }
        Optional<String> stored = engine.userKey(tenant, userId);
        if (stored.isPresent() && constantTimeEquals(stored.get(), key)) {
            return new Verdict(userId, "users_auth");
        }
        Optional<String> tenantKey = engine.tenants().key(tenant);
        if (tenantKey.isEmpty() || tenantKey.get().isEmpty()) {
            return new Verdict(0, "unknown tenant " + tenant);
        }
        if (HmacUserKey.matches(tenantKey.get(), userId, key)) {
            return new Verdict(userId, "hmac");
        }
        if (!JwtUserKey.looksLikeJwt(key)) {
            return new Verdict(0, stored.isPresent() ? "key does not match users_auth, HMAC or JWT"
                    : "no users_auth key and not a valid HMAC key or JWT");
        }
        try {
            JwtUserKey.verifyFor(tenantKey.get(), tenant, key, userId);
            return new Verdict(userId, "jwt");
        } catch (JwtUserKey.Rejected e) {
            return new Verdict(0, "JWT refused: " + e.getMessage());
        }
    }

    static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}

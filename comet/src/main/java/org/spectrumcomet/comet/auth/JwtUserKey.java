package org.spectrumcomet.comet.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.AlgorithmMismatchException;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.Claim;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.time.Instant;

/**
 * JWT user keys: HS256, signed with the tenant key (or CppComet's form, tenant key followed by the
 * decimal dev_id), payload {@code user_id} (a JSON number) and {@code exp} (required, in the future).
 */
public final class JwtUserKey {

    /** The claim naming the user, as CppComet spells it. */
    public static final String USER_ID = "user_id";

    private JwtUserKey() {
    }

    /** Whether the text looks like a JWT at all (three dot-separated parts). */
    public static boolean looksLikeJwt(String token) {
        return token != null && token.chars().filter(c -> c == '.').count() == 2;
    }

    /** Issues a user key; for applications, tools and tests. */
    public static String issue(String tenantKey, long userId, Instant expires) {
        return JWT.create().withClaim(USER_ID, userId).withExpiresAt(expires)
                .sign(Algorithm.HMAC256(tenantKey));
    }

    /**
     * Verifies a token for the tenant and returns its decoded form.
     *
     * @throws Rejected with the reason when the token is forged, expired, malformed, for another
     *                  tenant (a signature that does not verify) or has no {@code exp}
     */
    public static DecodedJWT verify(String tenantKey, String devId, String token) throws Rejected {
        if (!looksLikeJwt(token)) {
            throw new Rejected("not a JWT");
        }
        Rejected failure = null;
        for (String secret : new String[] {tenantKey, tenantKey + devId}) {
            try {
                DecodedJWT jwt = JWT.require(Algorithm.HMAC256(secret)).build().verify(token);
                if (jwt.getExpiresAtAsInstant() == null) {
                    throw new Rejected("token has no exp claim");
                }
                return jwt;
            } catch (TokenExpiredException e) {
                throw new Rejected("token expired at " + e.getExpiredOn());
            } catch (AlgorithmMismatchException e) {
                throw new Rejected("token is not HS256");
            } catch (SignatureVerificationException e) {
                failure = new Rejected("bad signature (forged or another tenant's token)");
            } catch (JWTVerificationException e) {
                throw new Rejected("malformed token: " + e.getMessage());
            }
        }
        throw failure;
    }

    /** The token's {@code user_id} as a positive number, or -1 when absent or not a number. */
    public static long userIdOf(DecodedJWT jwt) {
        Claim claim = jwt.getClaim(USER_ID);
        if (claim.isMissing() || claim.isNull()) {
            return -1;
        }
        Long id = claim.asLong();
        return id == null || id <= 0 ? -1 : id;
    }

    /** Verifies that the token is a valid key of exactly this user. */
    public static void verifyFor(String tenantKey, String devId, String token, long userId) throws Rejected {
        long claimed = userIdOf(verify(tenantKey, devId, token));
        if (claimed != userId) {
            throw new Rejected("token is for user " + claimed + ", not " + userId);
        }
    }

    /** Why a token was refused. */
    public static final class Rejected extends Exception {
        public Rejected(String reason) {
            super(reason, null, false, false);
        }
    }
}

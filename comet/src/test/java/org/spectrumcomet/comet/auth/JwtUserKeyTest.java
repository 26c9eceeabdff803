package org.spectrumcomet.comet.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JwtUserKeyTest {

    private static final Instant LATER = Instant.now().plusSeconds(300);

    @Test
    void acceptsTokenOfTheUserSignedWithTenantKeyOrCppCometSecret() throws Exception {
        JwtUserKey.verifyFor("key", "3", JwtUserKey.issue("key", 7, LATER), 7);
        JwtUserKey.verifyFor("key", "3", JwtUserKey.issue("key3", 7, LATER), 7);
    }

    @Test
    void refusesWrongUserExpiredForgedAndOtherTenant() {
        assertThatThrownBy(() -> JwtUserKey.verifyFor("key", "0", JwtUserKey.issue("key", 7, LATER), 8))
                .hasMessageContaining("user 7, not 8");
        assertThatThrownBy(() -> JwtUserKey.verifyFor("key", "0", JwtUserKey.issue("key", 7, Instant.now().minusSeconds(5)), 7))
                .hasMessageContaining("expired");
        assertThatThrownBy(() -> JwtUserKey.verifyFor("key", "0", JwtUserKey.issue("other", 7, LATER), 7))
                .hasMessageContaining("bad signature");
        assertThatThrownBy(() -> JwtUserKey.verifyFor("key", "0", "a.b.c", 7)).hasMessageContaining("malformed");
        assertThatThrownBy(() -> JwtUserKey.verifyFor("key", "0", "plain", 7)).hasMessageContaining("not a JWT");
    }

    @Test
    void requiresExpAndNumericUserId() {
        String noExp = JWT.create().withClaim("user_id", 7L).sign(Algorithm.HMAC256("key"));
        assertThatThrownBy(() -> JwtUserKey.verifyFor("key", "0", noExp, 7)).hasMessageContaining("no exp");
        String textId = JWT.create().withClaim("user_id", "7").withExpiresAt(LATER).sign(Algorithm.HMAC256("key"));
        assertThatThrownBy(() -> JwtUserKey.verifyFor("key", "0", textId, 7)).hasMessageContaining("user -1");
    }

    @Test
    void refusesOtherAlgorithms() {
        String hs512 = JWT.create().withClaim("user_id", 7L).withExpiresAt(LATER).sign(Algorithm.HMAC512("key"));
        assertThatThrownBy(() -> JwtUserKey.verifyFor("key", "0", hs512, 7)).hasMessageContaining("HS256");
    }

    @Test
    void userIdOfReadsTheClaim() throws Exception {
        assertThat(JwtUserKey.userIdOf(JwtUserKey.verify("key", "0", JwtUserKey.issue("key", 42, LATER)))).isEqualTo(42);
    }
}

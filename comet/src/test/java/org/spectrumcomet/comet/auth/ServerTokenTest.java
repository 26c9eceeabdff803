package org.spectrumcomet.comet.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerTokenTest {

    private static final Optional<String> KEY = Optional.of("k0");

    @Test
    void tenantKeyAndServerJwtAreAccepted() {
        assertThat(ServerToken.refusal(KEY, "0", "k0")).isEmpty();
        String jwt = JWT.create().withExpiresAt(Instant.now().plusSeconds(60)).sign(Algorithm.HMAC256("k0"));
        assertThat(ServerToken.refusal(KEY, "0", jwt)).isEmpty();
    }

    @Test
    void everythingElseIsRefusedWithAReason() {
        assertThat(ServerToken.refusal(Optional.empty(), "9", "k0")).hasValueSatisfying(r -> assertThat(r).contains("unknown tenant"));
        assertThat(ServerToken.refusal(KEY, "0", "")).hasValue("missing bearer token");
        assertThat(ServerToken.refusal(KEY, "0", "k1")).hasValueSatisfying(r -> assertThat(r).contains("neither"));
        assertThat(ServerToken.refusal(KEY, "0", JwtUserKey.issue("k0", 7, Instant.now().plusSeconds(60))))
                .hasValueSatisfying(r -> assertThat(r).contains("user's token"));
        String foreign = JWT.create().withExpiresAt(Instant.now().plusSeconds(60)).sign(Algorithm.HMAC256("k5"));
        assertThat(ServerToken.refusal(KEY, "0", foreign)).hasValueSatisfying(r -> assertThat(r).contains("bad signature"));
    }
}

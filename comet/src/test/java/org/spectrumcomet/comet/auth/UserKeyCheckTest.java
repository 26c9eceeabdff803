package org.spectrumcomet.comet.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.comet.engine.local.ConfiguredTenants;
import org.spectrumcomet.comet.engine.local.LocalCometEngine;
import org.spectrumcomet.comet.store.MemoryStore;

class UserKeyCheckTest {

    private final LocalCometEngine engine =
            new LocalCometEngine(new ConfiguredTenants(Map.of("0", "k0", "5", "k5")), new MemoryStore());
    private final UserKeyCheck check = new UserKeyCheck(engine);

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void usersAuthKeyHmacAndJwtEachAuthorise() {
        engine.setUserKey("0", 7, "stored7");
        assertThat(check.check("0", 7, "stored7")).isEqualTo(new UserKeyCheck.Verdict(7, "users_auth"));
        assertThat(check.check("0", 7, HmacUserKey.of("k0", 7))).isEqualTo(new UserKeyCheck.Verdict(7, "hmac"));
        assertThat(check.check("0", 7, JwtUserKey.issue("k0", 7, Instant.now().plusSeconds(60))).how()).isEqualTo("jwt");
    }

    @Test
    void failuresAreAnonymousWithAReason() {
        engine.setUserKey("0", 7, "stored7");
        assertThat(check.check("0", 7, "wrong").authorized()).isFalse();
        assertThat(check.check("5", 7, "stored7").authorized()).isFalse(); // keys are per tenant
        assertThat(check.check("0", 7, HmacUserKey.of("k5", 7)).authorized()).isFalse();
        assertThat(check.check("0", 0, "stored7").how()).isEqualTo("no valid user id");
        assertThat(check.check("0", 7, "").how()).isEqualTo("empty key");
        assertThat(check.check("9", 7, "x").how()).contains("unknown tenant");
        assertThat(check.check("0", 7, JwtUserKey.issue("k0", 7, Instant.now().minusSeconds(1))).how()).contains("expired");
    }

    @Test
    void identifyTakesTheUserFromTheJwtOrFromTheHint() {
        assertThat(check.identify("0", JwtUserKey.issue("k0", 12, Instant.now().plusSeconds(60)), 0).userId()).isEqualTo(12);
        assertThat(check.identify("0", HmacUserKey.of("k0", 13), 13).userId()).isEqualTo(13);
        assertThat(check.identify("0", HmacUserKey.of("k0", 13), 0).authorized()).isFalse();
    }
}

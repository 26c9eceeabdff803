package org.spectrumcomet.comet.engine.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RedisSettingsTest {

    @Test
    void parsesHostPortAndDatabaseWithDefaults() {
        RedisSettings s = RedisSettings.parse("redis://redis.example:6380/4");
        assertThat(s.host()).isEqualTo("redis.example");
        assertThat(s.port()).isEqualTo(6380);
        assertThat(s.database()).isEqualTo(4);
        assertThat(s.password()).isEmpty();
        assertThat(s.keyPrefix()).isEqualTo("comet:");
        assertThat(s.commandTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.presenceTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(RedisSettings.parse("redis://h:1").database()).isZero();
    }

    @Test
    void refusesWhatIsNotAnAddressOrAUsableBound() {
        for (String bad : new String[] {"h:6379", "redis://h", "redis://h:0", "redis://h:70000", "redis://h:1/16",
                "rediss://h:1", "redis://user@h:1", ""}) {
            assertThatThrownBy(() -> RedisSettings.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        RedisSettings s = RedisSettings.parse("redis://h:1");
        assertThatThrownBy(() -> s.withKeyPrefix("a b")).hasMessageContaining("spaces");
        assertThatThrownBy(() -> s.withPresenceTimeout(Duration.ofSeconds(2))).hasMessageContaining("at least 3 s");
    }

    @Test
    void thePasswordNeverShowsInTheText() {
        assertThat(RedisSettings.parse("redis://h:1/2").withPassword("secret").toString()).isEqualTo("redis://h:1/2");
    }
}

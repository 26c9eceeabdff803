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
        assertThat(s.replayMessages()).isEqualTo(1000);
        assertThat(s.replayAge()).isEqualTo(Duration.ofMinutes(5));
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
        assertThatThrownBy(() -> s.withReplayMessages(0)).hasMessage(
                "redis replay_messages must be 1..1000000 (messages kept per pipe), got 0");
        assertThatThrownBy(() -> s.withReplayAge(Duration.ofMillis(500))).hasMessage(
                "redis replay_age must be 1..86400 seconds, got 0");
        assertThatThrownBy(() -> s.withReplayAge(Duration.ofDays(2))).hasMessage(
                "redis replay_age must be 1..86400 seconds, got 172800");
    }

    @Test
    void movingToAnotherAddressKeepsEverythingElse() {
        RedisSettings file = RedisSettings.parse("redis://file-host:1").withKeyPrefix("n:").withReplayMessages(7)
                .withReplayAge(Duration.ofSeconds(9)).withPassword("pw");
        RedisSettings moved = file.at(RedisSettings.parse("redis://other:2/3"));
        assertThat(moved).isEqualTo(new RedisSettings("other", 2, 3, "pw", "n:", file.commandTimeout(),
                file.presenceTimeout(), 7, Duration.ofSeconds(9)));
    }

    @Test
    void thePasswordNeverShowsInTheText() {
        assertThat(RedisSettings.parse("redis://h:1/2").withPassword("secret").toString()).isEqualTo("redis://h:1/2");
    }
}

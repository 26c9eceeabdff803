package org.spectrumcomet.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SoakLayoutTest {

    private static SoakSettings settings(int users, int web) {
        return new SoakSettings(Duration.ofMinutes(1), users, web, 100, Duration.ofSeconds(10),
                Duration.ofSeconds(30), Path.of("target"), "backend", 1, 20);
    }

    @Test
    void everyStableUserSitsInExactlyOneRoomAndEveryWebUserWatchesOne() {
        SoakLayout layout = new SoakLayout(settings(1000, 5000));
        SoakSettings s = layout.settings();
        assertThat(s.churning()).isEqualTo(50);
        assertThat(s.rooms()).isEqualTo(95);
        assertThat(Arrays.stream(layout.xmppInRoom(0)).count()).isEqualTo(10);
        long inRooms = 0;
        for (int r = 0; r < s.rooms(); r++) {
            inRooms += layout.xmppInRoom(r).length;
            assertThat(layout.webInRoom(r)).hasSize(5);
        }
        assertThat(inRooms).isEqualTo(s.stable());
        long watching = 0;
        for (int i = 0; i < s.stable(); i++) {
            watching += layout.watchersOf(i).length;
        }
        assertThat(watching).isEqualTo(5000);
        assertThat(layout.pipesOfWeb(0)).containsExactly("web_soak_0", "user_status_100000");
        assertThat(layout.pipesOfWeb(4999)).containsExactly("user_status_" + SoakLayout.xmppId(4999 % 950));
    }

    @Test
    void jidsCarryTheCometId() {
        assertThat(SoakLayout.idOfJid(SoakLayout.jid(100_007))).isEqualTo(100_007);
        assertThat(SoakLayout.idOfJid("alice@localhost")).isEqualTo(-1);
        assertThat(SoakLayout.idOfJid("u@localhost")).isEqualTo(-1);
    }

    @Test
    void settingsRefuseTooFewUsers() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> settings(3, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--users");
    }
}

package org.spectrumcomet.conformance.main;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.spectrumcomet.conformance.main.PingSchedule.Action;

class PingScheduleTest {

    private final PingSchedule schedule = new PingSchedule();

    @Test
    void onlyARealPongMakesTheBackendReady() {
        assertThat(schedule.onFrame(false)).isFalse();
        assertThat(schedule.ready()).isFalse();
        assertThat(schedule.tick()).isEqualTo(Action.AWAIT_FIRST_PONG);
        assertThat(schedule.onFrame(true)).isTrue();
        assertThat(schedule.onFrame(true)).isFalse();
        assertThat(schedule.ready()).isTrue();
    }

    @Test
    void anyFrameAnswersALaterPingAndSilenceIsDeath() {
        schedule.onFrame(true);
        assertThat(schedule.tick()).isEqualTo(Action.PING);
        schedule.onFrame(false);
        assertThat(schedule.tick()).isEqualTo(Action.PING);
        assertThat(schedule.tick()).isEqualTo(Action.DEAD);
    }
}

package org.spectrumcomet.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeadlineTest {

    @Test
    void aStepGetsItsAllowanceCutToWhatIsLeft() throws DemoFailure {
        Deadline d = Deadline.after(Duration.ofSeconds(60));
        assertThat(d.next(Duration.ofSeconds(15))).isEqualTo(Duration.ofSeconds(15));
        assertThat(d.next(Duration.ofMinutes(5))).isLessThanOrEqualTo(Duration.ofSeconds(60))
                .isGreaterThan(Duration.ofSeconds(59));
    }

    @Test
    void nothingLeftFailsTheStep() throws InterruptedException {
        Deadline d = Deadline.after(Duration.ofMillis(1));
        Thread.sleep(5);
        assertThatThrownBy(() -> d.next(Duration.ofSeconds(1))).isInstanceOf(DemoFailure.class)
                .hasMessageContaining("time limit");
        assertThatThrownBy(() -> Deadline.after(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}

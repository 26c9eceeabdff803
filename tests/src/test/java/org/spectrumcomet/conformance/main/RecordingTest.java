package org.spectrumcomet.conformance.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.conformance.main.FrameRecord.Direction;
import org.spectrumcomet.protocol.SpectrumMessage;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

class RecordingTest {

    @Test
    void awaitWakesUpWhenAMatchingFrameArrives() throws Exception {
        Recording recording = new Recording(10);
        CompletableFuture.runAsync(() -> recording.add(Direction.RECEIVED, SpectrumMessage.of(Type.TYPE_PONG)),
                CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
        assertThat(recording.awaitReceived(0, Duration.ofSeconds(5), m -> m.type() == Type.TYPE_PONG)).isPresent();
    }

    @Test
    void awaitTimesOutAndOnlySeesFramesAfterTheMark() {
        Recording recording = new Recording(10);
        recording.add(Direction.RECEIVED, SpectrumMessage.of(Type.TYPE_PONG));
        long mark = recording.mark();
        long started = System.nanoTime();
        assertThat(recording.awaitReceived(mark, Duration.ofMillis(100), m -> m.type() == Type.TYPE_PONG)).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(90));
    }

    @Test
    void keepsAtMostCapFramesAndSaysSo() {
        Recording recording = new Recording(3);
        for (int i = 0; i < 5; i++) {
            recording.add(Direction.SENT, SpectrumMessage.of(Type.TYPE_PING));
        }
        assertThat(recording.all()).hasSize(3);
        assertThat(recording.overflowed()).isTrue();
        assertThat(recording.mark()).isEqualTo(5);
    }

    @Test
    void awaitClosedReturnsOnceMarked() {
        Recording recording = new Recording(3);
        assertThat(recording.awaitClosed(Duration.ofMillis(20))).isFalse();
        recording.markClosed();
        assertThat(recording.awaitClosed(Duration.ofMillis(20))).isTrue();
    }
}

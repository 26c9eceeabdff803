package org.spectrumcomet.bench.comet.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.bench.comet.raw.RawFrames;

class BenchMessageTest {

    @Test
    void bodyHasTheAskedSizeAndOnlySafeCharacters() {
        String body = BenchMessage.body(123456789L, 7, 100);
        assertThat(body).hasSize(100).matches("[A-Za-z0-9-]+").startsWith("bench-T123456789-S7-");
    }

    @Test
    void intendedTimeIsReadBackFromAFrame() {
        String json = RawFrames.delivery("p", "ev", BenchMessage.body(-42L, 1, 100), 1795394029);
        ByteBuf frame = Unpooled.copiedBuffer(json, StandardCharsets.US_ASCII);
        try {
            assertThat(BenchMessage.intendedNanos(frame)).isEqualTo(-42L);
            assertThat(frame.readerIndex()).isZero();
        } finally {
            frame.release();
        }
        ByteBuf other = Unpooled.copiedBuffer("{\"event\":\"serverInfo\",\"pipe\":\"sys\"}", StandardCharsets.US_ASCII);
        try {
            assertThat(BenchMessage.intendedNanos(other)).isEqualTo(-1);
        } finally {
            other.release();
        }
    }
}

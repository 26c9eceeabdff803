package org.spectrumcomet.comet.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class LengthEncodedTest {

    private static int encodedSize(long value) {
        ByteBuf buf = Unpooled.buffer();
        try {
            LengthEncoded.writeInt(buf, value);
            int size = buf.readableBytes();
            assertThat(LengthEncoded.readInt(buf)).isEqualTo(value);
            return size;
        } finally {
            buf.release();
        }
    }

    @Test
    void usesTheShortestFormWithTheRightNumberOfBytes() {
        assertThat(encodedSize(0)).isEqualTo(1);
        assertThat(encodedSize(250)).isEqualTo(1);
        assertThat(encodedSize(251)).isEqualTo(3);
        assertThat(encodedSize(65_535)).isEqualTo(3);
        assertThat(encodedSize(65_536)).isEqualTo(4);       // 0xFD + 3 bytes (CppComet wrote 4)
        assertThat(encodedSize(16_777_215)).isEqualTo(4);
        assertThat(encodedSize(16_777_216)).isEqualTo(9);
    }

    @Test
    void theThreeByteFormStartsWithFd() {
        ByteBuf buf = Unpooled.buffer();
        LengthEncoded.writeInt(buf, 0x123456);
        assertThat(buf.readUnsignedByte()).isEqualTo((short) 0xFD);
        assertThat(buf.readUnsignedMediumLE()).isEqualTo(0x123456);
        buf.release();
    }

    @Test
    void refusesTheNullMarker() {
        ByteBuf buf = Unpooled.wrappedBuffer(new byte[] {(byte) 0xFB});
        assertThatThrownBy(() -> LengthEncoded.readInt(buf)).isInstanceOf(IllegalArgumentException.class);
        buf.release();
    }

    @Test
    void readsNulTerminatedStrings() {
        ByteBuf buf = Unpooled.wrappedBuffer(new byte[] {'r', 'o', 'o', 't', 0, 'x'});
        assertThat(LengthEncoded.readNulTerminated(buf)).isEqualTo("root");
        assertThat(LengthEncoded.readNulTerminated(buf)).isEqualTo("x");
        buf.release();
    }
}

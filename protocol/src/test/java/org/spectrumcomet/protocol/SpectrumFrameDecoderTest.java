package org.spectrumcomet.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpectrumFrameDecoderTest {

    /** PING then PONG, as Spectrum writes them. */
    private static final byte[] TWO_FRAMES = {0, 0, 0, 2, 0x08, 0x09, 0, 0, 0, 2, 0x08, 0x0A};

    @Test
    void decodesFramesSplitAtEveryBytePosition() {
        for (int split = 1; split < TWO_FRAMES.length; split++) {
            EmbeddedChannel channel = new EmbeddedChannel(new SpectrumFrameDecoder());
            channel.writeInbound(Unpooled.wrappedBuffer(TWO_FRAMES, 0, split));
            channel.writeInbound(Unpooled.wrappedBuffer(TWO_FRAMES, split, TWO_FRAMES.length - split));

            assertThat(readBodies(channel)).as("split at %d", split).containsExactly("0809", "080a");
            assertThat(channel.finish()).isFalse();
        }
    }

    @Test
    void decodesEveryFrameOfOneBuffer() {
        EmbeddedChannel channel = new EmbeddedChannel(new SpectrumFrameDecoder());
        channel.writeInbound(Unpooled.wrappedBuffer(TWO_FRAMES));

        assertThat(readBodies(channel)).containsExactly("0809", "080a");
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void waitsForTheWholeBody() {
        EmbeddedChannel channel = new EmbeddedChannel(new SpectrumFrameDecoder());
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 0, 0, 3, 1, 2}));
        assertThat(readBodies(channel)).isEmpty();

        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {3}));
        assertThat(readBodies(channel)).containsExactly("010203");
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void passesEmptyFramesOn() {
        EmbeddedChannel channel = new EmbeddedChannel(new SpectrumFrameDecoder());
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 0, 0, 0, 0, 0, 0, 2, 0x08, 0x09}));

        assertThat(readBodies(channel)).containsExactly("", "0809");
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void refusesAnOversizeFrameAndClosesWithoutBufferingIt() {
        EmbeddedChannel channel = new EmbeddedChannel(new SpectrumFrameDecoder(1024));
        ByteBuf announcement = Unpooled.wrappedBuffer(new byte[] {0, 0, 0x04, 0x01, 1, 2, 3});

        assertThatThrownBy(() -> channel.writeInbound(announcement))
                .isInstanceOf(FrameTooLargeException.class)
                .satisfies(e -> {
                    FrameTooLargeException tooLarge = (FrameTooLargeException) e;
                    assertThat(tooLarge.announcedLength()).isEqualTo(1025);
                    assertThat(tooLarge.maxFrameLength()).isEqualTo(1024);
                });
        assertThat(announcement.refCnt()).isZero();
        assertThat(channel.isOpen()).isFalse();
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void readsTheLengthAsUnsigned() {
        EmbeddedChannel channel = new EmbeddedChannel(new SpectrumFrameDecoder());

        assertThatThrownBy(() -> channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF})))
                .isInstanceOf(FrameTooLargeException.class)
                .satisfies(e -> assertThat(((FrameTooLargeException) e).announcedLength()).isEqualTo(0xFFFF_FFFFL));
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void refusesANonPositiveLimit() {
        assertThatThrownBy(() -> new SpectrumFrameDecoder(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> readBodies(EmbeddedChannel channel) {
        List<String> bodies = new ArrayList<>();
        List<ByteBuf> read = new ArrayList<>();
        ByteBuf body;
        while ((body = channel.readInbound()) != null) {
            bodies.add(ByteBufUtil.hexDump(body));
            read.add(body);
        }
        read.forEach(ByteBuf::release);
        // Slices share their parent's count: only once all are released must every one read zero.
        assertThat(read).allSatisfy(b -> assertThat(b.refCnt()).isZero());
        return bodies;
    }
}

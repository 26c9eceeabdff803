package org.spectrumcomet.comet.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MysqlPacketDecoderTest {

    private static byte[] packet(int sequence, String payload) {
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        byte[] p = new byte[4 + body.length];
        p[0] = (byte) body.length;
        p[1] = (byte) (body.length >> 8);
        p[2] = (byte) (body.length >> 16);
        p[3] = (byte) sequence;
        System.arraycopy(body, 0, p, 4, body.length);
        return p;
    }

    @Test
    void decodesPacketsSplitAtEveryBytePosition() {
        byte[] a = packet(0, "\u0003SELECT 1");
        byte[] b = packet(7, "");
        byte[] two = new byte[a.length + b.length];
        System.arraycopy(a, 0, two, 0, a.length);
        System.arraycopy(b, 0, two, a.length, b.length);
        for (int split = 0; split <= two.length; split++) {
            EmbeddedChannel channel = new EmbeddedChannel(new MysqlPacketDecoder(100));
            ByteBuf first = Unpooled.wrappedBuffer(two, 0, split);
            ByteBuf second = Unpooled.wrappedBuffer(two, split, two.length - split);
            channel.writeInbound(first);
            channel.writeInbound(second);
            MysqlPacket p1 = channel.readInbound();
            MysqlPacket p2 = channel.readInbound();
            assertThat(p1.sequence()).isZero();
            assertThat(p1.content().toString(StandardCharsets.UTF_8)).isEqualTo("\u0003SELECT 1");
            assertThat(p2.sequence()).isEqualTo(7);
            assertThat(p2.content().readableBytes()).isZero();
            p1.release();
            p2.release();
            assertThat(channel.finish()).isFalse();
            // A zero-length wrap is the shared, never-released EMPTY_BUFFER.
            assertThat(first.refCnt()).isEqualTo(split == 0 ? 1 : 0);
            assertThat(second.refCnt()).isEqualTo(split == two.length ? 1 : 0);
        }
    }

    @Test
    void oversizeHeaderIsRefusedAtOnceAndTheRestDiscarded() {
        EmbeddedChannel channel = new EmbeddedChannel(new MysqlPacketDecoder(10));
        ByteBuf header = Unpooled.wrappedBuffer(new byte[] {11, 0, 0, 5, 1, 2});
        assertThatThrownBy(() -> channel.writeInbound(header))
                .isInstanceOf(MysqlPacketTooLargeException.class)
                .satisfies(e -> {
                    MysqlPacketTooLargeException tooLarge = (MysqlPacketTooLargeException) e;
                    assertThat(tooLarge.announced()).isEqualTo(11);
                    assertThat(tooLarge.limit()).isEqualTo(10);
                    assertThat(tooLarge.sequence()).isEqualTo(5);
                });
        ByteBuf valid = Unpooled.wrappedBuffer(packet(0, "ok"));
        channel.writeInbound(valid);
        assertThat((Object) channel.readInbound()).isNull();
        assertThat(header.refCnt()).isZero();
        assertThat(valid.refCnt()).isZero();
        channel.finishAndReleaseAll();
    }

    @Test
    void theContinuationLengthIsRefused() {
        EmbeddedChannel channel = new EmbeddedChannel(new MysqlPacketDecoder(Integer.MAX_VALUE));
        assertThatThrownBy(() -> channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {-1, -1, -1, 0})))
                .isInstanceOf(MysqlPacketTooLargeException.class);
        channel.finishAndReleaseAll();
    }

    @Test
    void packetsAtTheLimitPass() {
        EmbeddedChannel channel = new EmbeddedChannel(new MysqlPacketDecoder(5));
        channel.writeInbound(Unpooled.wrappedBuffer(packet(1, "12345")));
        MysqlPacket p = channel.readInbound();
        assertThat(p.content().readableBytes()).isEqualTo(5);
        p.release();
        channel.finishAndReleaseAll();
    }
}

package org.spectrumcomet.backend.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Queued frames wait while the channel is not writable, so a frame written directly overtakes them. */
class OutboundQueueTest {

    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final AtomicLong left = new AtomicLong();
    private final OutboundQueue queue = new OutboundQueue(channel, left::addAndGet);

    OutboundQueueTest() {
        channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(8, 16));
        channel.pipeline().addLast(queue);
    }

    @Test
    void movesABurstIntoTheChannelWithOneTaskInOrder() {
        queue.add(frame(1));
        queue.add(frame(2));
        queue.add(frame(3));
        assertThat(left.get()).isZero();
        channel.runPendingTasks();

        assertThat(left.get()).isEqualTo(3);
        for (int i = 1; i <= 3; i++) {
            assertThat(readByte()).isEqualTo(i);
        }
        assertThat((Object) channel.readOutbound()).isNull();
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void keepsFramesWhileTheChannelIsNotWritableAndLetsADirectWriteOvertakeThem() {
        channel.write(Unpooled.buffer().writeZero(32)); // unflushed: past the high water mark
        assertThat(channel.isWritable()).isFalse();
        queue.add(frame(1));
        queue.add(frame(2));
        channel.runPendingTasks();
        assertThat(left.get()).as("nothing moved while not writable").isZero();

        channel.write(frame(9)); // a PONG, written on the event loop
        channel.flush();
        channel.runPendingTasks();

        ByteBuf big = channel.readOutbound();
        assertThat(big.readableBytes()).isEqualTo(32);
        big.release();
        assertThat(readByte()).isEqualTo(9);
        assertThat(readByte()).isEqualTo(1);
        assertThat(readByte()).isEqualTo(2);
        assertThat(left.get()).isEqualTo(2);
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void releasesWhatIsLeftWhenTheLinkCloses() {
        channel.write(Unpooled.buffer().writeZero(32));
        ByteBuf waiting = frame(1);
        queue.add(waiting);
        channel.runPendingTasks();
        assertThat(waiting.refCnt()).isOne();

        channel.close();
        channel.runPendingTasks();
        assertThat(waiting.refCnt()).isZero();
        assertThat(left.get()).isOne();
        channel.finishAndReleaseAll();
    }

    private static ByteBuf frame(int marker) {
        return Unpooled.buffer(1).writeByte(marker);
    }

    private int readByte() {
        ByteBuf out = channel.readOutbound();
        try {
            return out.readByte();
        } finally {
            out.release();
        }
    }
}

package org.spectrumcomet.backend.link;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.VoidChannelPromise;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;

/**
 * Encoded frames from any thread on their way into the channel. They wait here, not in Netty's
 * outbound buffer, while the channel is not writable: what sits in front of a PONG (written
 * straight to the channel by {@link LinkHandler}) is then at most the write buffer's high water
 * mark, not everything a busy backend has queued for a slow main.
 *
 * <p>Threads only append; one task on the event loop, scheduled when the first frame of a burst
 * arrives, moves everything it can into the channel and flushes once — one hand-off and one
 * syscall per burst instead of per frame. Frames from one thread keep their order, so a user's
 * frames (sent by one worker at a time) do too. When the channel becomes writable again the rest
 * follows; when it closes, what is left is released. Bounded by {@link OutboundGate}'s byte cap.
 */
final class OutboundQueue extends ChannelInboundHandlerAdapter {

    private final Queue<ByteBuf> frames = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final Channel channel;
    private final VoidChannelPromise ignoreFailures;
    private final LongConsumer leftQueue;

    /** @param leftQueue told the size of each frame that left the queue (written or released) */
    OutboundQueue(Channel channel, LongConsumer leftQueue) {
        this.channel = channel;
        // a failed write means the link is gone: channelInactive reports that, not every frame
        this.ignoreFailures = new VoidChannelPromise(channel, false);
        this.leftQueue = leftQueue;
    }

    /** Appends a whole frame (length prefix included); ownership passes to the queue. */
    void add(ByteBuf frame) {
        frames.add(frame);
        if (drainScheduled.compareAndSet(false, true)) {
            try {
                channel.eventLoop().execute(this::drain);
            } catch (RejectedExecutionException e) {
                releaseAll(); // the event loop has shut down with the link
            }
        }
    }

    private void drain() {
        drainScheduled.set(false);
        if (!channel.isActive()) {
            releaseAll();
            return;
        }
        int written = 0;
        ByteBuf frame;
        while (channel.isWritable() && (frame = frames.poll()) != null) {
            leftQueue.accept(frame.readableBytes());
            channel.write(frame, ignoreFailures);
            written++;
        }
        if (written > 0) {
            channel.flush();
        }
    }

    private void releaseAll() {
        ByteBuf frame;
        while ((frame = frames.poll()) != null) {
            leftQueue.accept(frame.readableBytes());
            frame.release();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            drain();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        releaseAll();
        ctx.fireChannelInactive();
    }
}

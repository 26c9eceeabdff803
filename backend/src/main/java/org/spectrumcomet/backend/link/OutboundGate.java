package org.spectrumcomet.backend.link;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectrumcomet.backend.outbound.ForbiddenTypeException;
import org.spectrumcomet.backend.outbound.FrameSink;
import org.spectrumcomet.backend.outbound.OutboundTypes;
import org.spectrumcomet.protocol.SpectrumMessage;
import org.spectrumcomet.protocol.WrapperMessageEncoder;

/**
 * The one way out to the main instance for frames built on any thread. Each frame is encoded on
 * the calling thread (a worker, not the event loop) into one heap array of its exact size
 * ({@link WrapperMessageEncoder#frame}; the event loop copies it into a pooled direct buffer as it
 * writes it) and appended
 * to the {@link OutboundQueue}, which moves bursts of them into the channel; frames from one thread
 * leave in order and never interleave.
 *
 * <p>Guards, in order:
 * <ol>
 *   <li>a type the main does not handle from a backend is refused with an error log and a
 *       {@link ForbiddenTypeException} — it would stall the main's reader (spec §2);</li>
 *   <li>before the link is up or after it ended, frames are dropped with a warning;</li>
 *   <li>bytes of frames waiting in the {@link OutboundQueue} are counted (they move into the
 *       channel only while it is writable, so at most the channel's high water mark, 64 KiB, more
 *       waits in Netty's buffer); when the main
 *       stops reading and that count would pass the cap, frames are dropped until the main drains.
 *       The first drop of such a stall is logged at ERROR naming the user; later ones are only
 *       counted (DEBUG), so a long stall cannot flood the log; once the queue has drained below half
 *       the cap, one line logs how many frames and bytes the stall cost. Nothing blocks the caller. A main that stops reading also
 *       stops its 20 s PINGs, so the ping watchdog ends the process soon after. PONG and STATS are
 *       written by {@link LinkHandler} directly and never dropped.</li>
 * </ol>
 */
public final class OutboundGate implements FrameSink {

    private static final Logger LOG = LoggerFactory.getLogger(OutboundGate.class);

    private final long maxPendingBytes;
    private final AtomicLong pendingBytes = new AtomicLong();
    private final AtomicBoolean stalled = new AtomicBoolean();
    private final AtomicLong stallFrames = new AtomicLong();
    private final AtomicLong stallBytes = new AtomicLong();
    private final AtomicLong droppedFrames = new AtomicLong();
    private volatile Channel channel;
    private volatile OutboundQueue queue;

    public OutboundGate(long maxPendingBytes) {
        this.maxPendingBytes = maxPendingBytes;
    }

    /** Called from the channel initializer: installs the queue's handler at the pipeline's end so far. */
    void attach(Channel channel) {
        OutboundQueue q = new OutboundQueue(channel, this::leftQueue);
        channel.pipeline().addLast("outbound-queue", q);
        this.queue = q;
        this.channel = channel;
    }

    /** Bytes handed over but not yet moved into the channel. */
    public long pendingBytes() {
        return pendingBytes.get();
    }

    /** Frames dropped at the cap since the start. */
    public long droppedFrames() {
        return droppedFrames.get();
    }

    @Override
    public boolean send(SpectrumMessage frame, String user) {
        if (!OutboundTypes.isHandledByMain(frame.type())) {
            ForbiddenTypeException refused = new ForbiddenTypeException(frame.type());
            LOG.error("user {}: refusing to send {}", user, refused.getMessage());
            throw refused;
        }
        Channel ch = channel;
        if (ch == null || !ch.isActive()) {
            LOG.warn("user {}: dropping {}: the link to the main instance is not up", user, frame.type());
            return false;
        }
        long size = frameSize(frame);
        long pending = pendingBytes.addAndGet(size);
        if (pending > maxPendingBytes) {
            pendingBytes.addAndGet(-size);
            if (size > maxPendingBytes) {
                LOG.error("user {}: dropping {}: the frame alone ({} bytes) is over the outbound cap of {} bytes",
                        user, frame.type(), size, maxPendingBytes);
                return false;
            }
            droppedFrames.incrementAndGet();
            stallFrames.incrementAndGet();
            stallBytes.addAndGet(size);
            if (stalled.compareAndSet(false, true)) {
                LOG.error("user {}: dropping {} ({} bytes): the main instance is not reading, {} bytes already pending"
                        + " (cap {}); further drops are counted until it reads again", user, frame.type(), size,
                        pending - size, maxPendingBytes);
            } else {
                LOG.debug("user {}: dropping {} ({} bytes): the main instance is not reading", user, frame.type(), size);
            }
            return false;
        }
        endStallBelowHalf(pending);
        ByteBuf encoded;
        try {
            encoded = WrapperMessageEncoder.frame(frame);
        } catch (RuntimeException e) {
            pendingBytes.addAndGet(-size);
            throw e;
        }
        queue.add(encoded);
        return true;
    }

    /** A frame moved into the channel (or was released with the link): the main is draining. */
    private void leftQueue(long bytes) {
        endStallBelowHalf(pendingBytes.addAndGet(-bytes));
    }

    /**
     * The stall ends when the main has drained half the cap, not at the first frame that fits; it is
     * noticed as the queue drains (a PONG overtakes the queue, so no new frame need come first).
     */
    private void endStallBelowHalf(long pending) {
        if (pending < maxPendingBytes / 2 && stalled.get() && stalled.compareAndSet(true, false)) {
            LOG.error("the main instance is reading again: {} frames ({} bytes) were dropped while it was not",
                    stallFrames.getAndSet(0), stallBytes.getAndSet(0));
        }
    }

    /** The frame's exact size on the wire, length prefix included. */
    private static long frameSize(SpectrumMessage frame) {
        return 4L + WrapperMessageEncoder.bodySize(frame);
    }
}

package org.spectrumcomet.comet.http;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the bytes handed to one connection that the socket has not written yet (queued in the
 * event loop or in the channel's outbound buffer).
 *
 * <p>Policy (slow consumer): when accepting a frame would take the count above
 * {@link #MAX_QUEUED_BYTES}, the frame is refused and the caller closes the connection with
 * WebSocket code 1013 "slow consumer". Nothing is dropped silently: the engine sees the refusal
 * ({@code deliver} returns false) and keeps a private message queued for the next connection.
 */
public final class OutboundBudget {

    /** Per-connection bound on unwritten outbound bytes: 4 MiB. */
    public static final long MAX_QUEUED_BYTES = 4L << 20;

    private final AtomicLong queued = new AtomicLong();
    private final long max;

    public OutboundBudget() {
        this(MAX_QUEUED_BYTES);
    }

    public OutboundBudget(long max) {
        this.max = max;
    }

    /** Reserves room for a frame; false when it does not fit. */
    public boolean reserve(long bytes) {
        return reserve(bytes, 0);
    }

    /**
     * Reserves room for a frame when {@code elsewhere} more bytes (released from this budget but
     * still unwritten, e.g. in the channel's outbound buffer) count against the same bound.
     */
    public boolean reserve(long bytes, long elsewhere) {
        while (true) {
            long now = queued.get();
            if (now + elsewhere + bytes > max) {
                return false;
            }
            if (queued.compareAndSet(now, now + bytes)) {
                return true;
            }
        }
    }

    /** Gives the room back once the frame was written (or failed). */
    public void release(long bytes) {
        queued.addAndGet(-bytes);
    }

    public long queued() {
        return queued.get();
    }
}

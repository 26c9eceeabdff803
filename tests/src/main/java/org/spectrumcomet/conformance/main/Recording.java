package org.spectrumcomet.conformance.main;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.spectrumcomet.conformance.main.FrameRecord.Direction;
import org.spectrumcomet.protocol.SpectrumMessage;

/**
 * Every frame the emulated main sent and received, in order, with timestamps. Thread-safe: the
 * link's event loop appends, scenario threads read and wait.
 *
 * <p>Bounded: after {@code cap} frames further frames are only counted and {@link #overflowed()}
 * turns true, so a runaway backend cannot exhaust the kit's memory. Awaits then only see the kept
 * frames.
 */
public final class Recording {

    private final int cap;
    private final List<FrameRecord> frames = new ArrayList<>();
    private long total;
    private boolean closed;
    private volatile Consumer<FrameRecord> listener = r -> { };

    public Recording(int cap) {
        this.cap = cap;
    }

    /**
     * Hands every frame recorded from now on to {@code listener}, kept or not (a long run sees
     * frames past the cap). It runs on the thread that records — the link's event loop for
     * received frames — so it must be quick and must not block.
     */
    public void listen(Consumer<FrameRecord> listener) {
        this.listener = listener;
    }

    FrameRecord add(Direction direction, Object frame) {
        FrameRecord record = append(direction, frame);
        listener.accept(record);
        return record;
    }

    private synchronized FrameRecord append(Direction direction, Object frame) {
        FrameRecord record = new FrameRecord(total++, Instant.now(), direction, frame);
        if (frames.size() < cap) {
            frames.add(record);
        }
        notifyAll();
        return record;
    }

    /** Marks the link as closed (waiters wake up). */
    synchronized void markClosed() {
        closed = true;
        notifyAll();
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    public synchronized boolean overflowed() {
        return total > cap;
    }

    /** The sequence number the next frame will get: pass it to awaits to only see later frames. */
    public synchronized long mark() {
        return total;
    }

    public synchronized List<FrameRecord> all() {
        return List.copyOf(frames);
    }

    /** Received messages (malformed frames excluded) at or after {@code fromSeq}. */
    public synchronized List<SpectrumMessage> received(long fromSeq) {
        List<SpectrumMessage> out = new ArrayList<>();
        for (FrameRecord r : frames) {
            if (r.seq() >= fromSeq && r.direction() == Direction.RECEIVED && r.message() != null) {
                out.add(r.message());
            }
        }
        return out;
    }

    /** Waits until a received message at or after {@code fromSeq} matches; empty on timeout. */
    public Optional<FrameRecord> awaitReceived(long fromSeq, Duration timeout, Predicate<SpectrumMessage> match) {
        return awaitRecord(fromSeq, timeout, r -> r.direction() == Direction.RECEIVED
                && r.message() != null && match.test(r.message()));
    }

    /** Waits until any record at or after {@code fromSeq} matches; empty on timeout. */
    public synchronized Optional<FrameRecord> awaitRecord(long fromSeq, Duration timeout, Predicate<FrameRecord> match) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int scanned = 0;
        while (true) {
            for (; scanned < frames.size(); scanned++) {
                FrameRecord r = frames.get(scanned);
                if (r.seq() >= fromSeq && match.test(r)) {
                    return Optional.of(r);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            waitNanos(left);
        }
    }

    /** Waits until the link is closed; true if it was within {@code timeout}. */
    public synchronized boolean awaitClosed(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!closed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            waitNanos(left);
        }
        return true;
    }

    private void waitNanos(long nanos) {
        try {
            wait(Math.max(1, nanos / 1_000_000), (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a frame", e);
        }
    }

    /** The last {@code n} kept frames, one a line, for failure reports. */
    public synchronized String tail(int n) {
        StringBuilder out = new StringBuilder();
        for (FrameRecord r : frames.subList(Math.max(0, frames.size() - n), frames.size())) {
            out.append(r).append('\n');
        }
        return out.toString();
    }
}

package org.spectrumcomet.conformance.main;

import java.time.Instant;
import java.util.Objects;
import org.spectrumcomet.protocol.MalformedFrame;
import org.spectrumcomet.protocol.SpectrumMessage;

/**
 * One frame that crossed the link, as the emulated main saw it.
 *
 * @param seq position in the {@link Recording}, from 0
 * @param at when it was sent or received
 * @param direction which way it went
 * @param frame a {@link SpectrumMessage}, a {@link MalformedFrame} (received, did not decode), or
 *              {@link RawBytes} the kit wrote on purpose (garbage, oversize)
 */
public record FrameRecord(long seq, Instant at, Direction direction, Object frame) {

    /** Which way a frame went. */
    public enum Direction {
        /** Main instance to backend. */
        SENT,
        /** Backend to main instance. */
        RECEIVED
    }

    public FrameRecord {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(frame, "frame");
    }

    /** The message, or null for a malformed or raw frame. */
    public SpectrumMessage message() {
        return frame instanceof SpectrumMessage m ? m : null;
    }

    @Override
    public String toString() {
        return seq + " " + at + " " + (direction == Direction.SENT ? "→ " : "← ") + frame;
    }
}

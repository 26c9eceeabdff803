package org.spectrumcomet.bench.comet.load;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * The body of every benchmark message: {@code bench-T<nanos>-S<seq>-xxxx…}, padded to a fixed
 * size. {@code nanos} is the publisher's intended send time on this JVM's {@link System#nanoTime}
 * clock, so a client in the same JVM measures publish→deliver latency from it. Only letters,
 * digits and dashes: nothing a JSON encoder or a SQL literal would escape, so the frame size is
 * the same on every server.
 */
public final class BenchMessage {

    private static final byte[] MARK = "bench-T".getBytes(StandardCharsets.US_ASCII);

    private BenchMessage() {
    }

    /** A body of exactly {@code size} characters (or longer when the header alone needs more). */
    public static String body(long intendedNanos, long seq, int size) {
        StringBuilder text = new StringBuilder(Math.max(size, 48));
        text.append("bench-T").append(intendedNanos).append("-S").append(seq).append('-');
        while (text.length() < size) {
            text.append('x');
        }
        return text.toString();
    }

    /**
     * The intended send time carried by a frame's payload, or -1 when the frame is not a
     * benchmark message (the serverInfo frame, replies). Does not move the buffer's indexes.
     */
    public static long intendedNanos(ByteBuf frame) {
        int at = indexOfMark(frame);
        if (at < 0) {
            return -1;
        }
        long value = 0;
        int digits = 0;
        boolean negative = false;
        int i = at + MARK.length;
        int end = frame.writerIndex();
        if (i < end && frame.getByte(i) == '-') {
            negative = true;
            i++;
        }
        for (; i < end; i++) {
            byte b = frame.getByte(i);
            if (b < '0' || b > '9') {
                break;
            }
            value = value * 10 + (b - '0');
            digits++;
        }
        if (digits == 0) {
            return -1;
        }
        return negative ? -value : value;
    }

    private static int indexOfMark(ByteBuf frame) {
        int end = frame.writerIndex() - MARK.length;
        outer:
        for (int i = frame.readerIndex(); i <= end; i++) {
            for (int j = 0; j < MARK.length; j++) {
                if (frame.getByte(i + j) != MARK[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

package org.spectrumcomet.bench.bridge;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 100-byte message text every bridge load carries: {@code n<intended send nanoTime>x} padded
 * with {@code x}, so whoever receives it (a WebSocket subscriber, the load main) records the hop
 * latency from the intended send time, in this one JVM's clock. Text survives the bridge and comet
 * unchanged (plain characters, no JSON escaping).
 */
final class Stamp {

    static final int LENGTH = 100;
    private static final Pattern STAMP = Pattern.compile("n(-?\\d+)x");

    private Stamp() {
    }

    static String text(long intendedNanos) {
        StringBuilder out = new StringBuilder(LENGTH).append('n').append(intendedNanos).append('x');
        while (out.length() < LENGTH) {
            out.append('x');
        }
        return out.toString();
    }

    /** The intended send time in {@code text}, or {@link Long#MIN_VALUE} when there is none. */
    static long intendedNanos(CharSequence text) {
        Matcher m = STAMP.matcher(text);
        return m.find() ? Long.parseLong(m.group(1)) : Long.MIN_VALUE;
    }
}

package org.spectrumcomet.bench.report;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latency percentiles from an HdrHistogram {@link Recorder} (3 significant digits, up to one
 * minute). Safe to record from any thread (Netty event loops) while one reader takes snapshots.
 *
 * <p>Coordinated omission: a fixed-rate generator must call {@link #recordSince(long, long)}
 * with the <em>intended</em> send time of each message, not the time it actually went out, so
 * that a stall in the system under test counts against every message it delayed.
 */
public final class LatencyRecorder {

    private static final long MAX_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Recorder recorder = new Recorder(MAX_NANOS, 3);

    /** Records {@code nanos} (clamped into [0, 1 min]). */
    public void recordNanos(long nanos) {
        recorder.recordValue(Math.max(0, Math.min(nanos, MAX_NANOS)));
    }

    /** Records {@code nowNanos - intendedNanos}: the latency as seen from the intended send time. */
    public void recordSince(long intendedNanos, long nowNanos) {
        recordNanos(nowNanos - intendedNanos);
    }

    /** Discards everything recorded so far (end of warm-up). */
    public void reset() {
        recorder.getIntervalHistogram();
    }

    /** The percentiles of what was recorded since the last snapshot or reset. */
    public Percentiles snapshot() {
        Histogram h = recorder.getIntervalHistogram();
        return new Percentiles(h.getTotalCount(),
                h.getValueAtPercentile(50), h.getValueAtPercentile(99),
                h.getValueAtPercentile(99.9), h.getMaxValue());
    }

    /** Latency percentiles in nanoseconds; {@code count} values were recorded. */
    public record Percentiles(long count, long p50, long p99, long p999, long max) {

        public double p50Millis() {
            return p50 / 1e6;
        }

        public double p99Millis() {
            return p99 / 1e6;
        }

        public double p999Millis() {
            return p999 / 1e6;
        }

        public double maxMillis() {
            return max / 1e6;
        }
    }
}

package org.spectrumcomet.soak;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Delivery latencies in microseconds, from the intended send time (so a stalled sender shows up
 * as latency, not as a lower rate): an interval {@link Recorder} for each report window and a
 * histogram of the whole run. Values above one hour are clamped to it.
 */
public final class WindowLatency {

    private static final long MAX_MICROS = 3_600_000_000L;

    private final Recorder recorder = new Recorder(MAX_MICROS, 3);
    private final Histogram total = new Histogram(MAX_MICROS, 3);
    private Histogram interval;

    /** Records one delivery {@code nanos} after its intended send time (thread-safe). */
    public void record(long nanos) {
        recorder.recordValue(Math.max(0, Math.min(MAX_MICROS, nanos / 1_000)));
    }

    /** Closes the current window: its percentiles, which are also added to the whole run's. */
    public synchronized Percentiles nextWindow() {
        interval = recorder.getIntervalHistogram(interval);
        total.add(interval);
        return Percentiles.of(interval);
    }

    /** The whole run so far (windows closed by {@link #nextWindow()}). */
    public synchronized Percentiles wholeRun() {
        return Percentiles.of(total);
    }

    /** p50, p99, p99.9 and max in milliseconds, and how many values. */
    public record Percentiles(long count, double p50, double p99, double p999, double max) {

        static Percentiles of(Histogram h) {
            return new Percentiles(h.getTotalCount(), h.getValueAtPercentile(50) / 1000.0,
                    h.getValueAtPercentile(99) / 1000.0, h.getValueAtPercentile(99.9) / 1000.0,
                    h.getMaxValue() / 1000.0);
        }
    }
}

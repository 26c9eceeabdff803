package org.spectrumcomet.bench.bridge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.spectrumcomet.bench.report.LatencyRecorder;
import org.spectrumcomet.bench.report.LatencyRecorder.Percentiles;
import org.spectrumcomet.bench.report.Repeats;

/**
 * One measured phase under load already running: a warm-up, then {@code repeats} windows of
 * {@code length}, each giving the rate of a counter and the latency recorded meanwhile.
 */
record Phase(Duration warmup, Duration length, int repeats) {

    /** What a phase measured: counter/s and second counter/s per repeat, the latency percentiles per repeat. */
    record Result(Repeats rate, Repeats secondRate, List<Percentiles> latency) {

        Repeats p50() {
            return Repeats.of(latency.stream().mapToDouble(Percentiles::p50Millis).toArray());
        }

        Repeats p99() {
            return Repeats.of(latency.stream().mapToDouble(Percentiles::p99Millis).toArray());
        }

        Repeats p999() {
            return Repeats.of(latency.stream().mapToDouble(Percentiles::p999Millis).toArray());
        }

        double max() {
            return latency.stream().mapToDouble(Percentiles::maxMillis).max().orElse(Double.NaN);
        }
    }

    Result measure(LongSupplier counter, LatencyRecorder latency) throws InterruptedException {
        return measure(counter, () -> 0, latency);
    }

    Result measure(LongSupplier counter, LongSupplier second, LatencyRecorder latency) throws InterruptedException {
        TimeUnit.NANOSECONDS.sleep(warmup.toNanos());
        latency.reset();
        double[] rates = new double[repeats];
        double[] secondRates = new double[repeats];
        List<Percentiles> percentiles = new ArrayList<>();
        for (int r = 0; r < repeats; r++) {
            long c0 = counter.getAsLong();
            long s0 = second.getAsLong();
            long t0 = System.nanoTime();
            TimeUnit.NANOSECONDS.sleep(length.toNanos());
            double seconds = (System.nanoTime() - t0) / 1e9;
            rates[r] = (counter.getAsLong() - c0) / seconds;
            secondRates[r] = (second.getAsLong() - s0) / seconds;
            percentiles.add(latency.snapshot());
        }
        return new Result(Repeats.of(rates), Repeats.of(secondRates), percentiles);
    }
}

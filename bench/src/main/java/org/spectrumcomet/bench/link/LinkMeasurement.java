package org.spectrumcomet.bench.link;

import java.util.List;
import java.util.OptionalLong;
import org.spectrumcomet.bench.report.LatencyRecorder.Percentiles;
import org.spectrumcomet.bench.report.Repeats;

/**
 * What one backend did under load, over the measured repeats.
 *
 * @param target the backend
 * @param inRate CONV_MESSAGEs/s the backend took from the main, per repeat
 * @param outRate CONV_MESSAGEs/s the main got from the backend, per repeat
 * @param pongs PING→PONG percentiles per repeat (from the intended PING time)
 * @param loginsPerSecond LOGIN→CONNECTED/s for the first login burst, right after the backend started
 * @param warmLoginsPerSecond LOGIN→CONNECTED/s for a second burst of other users after the load (JIT warm)
 * @param rssBytes backend RSS after the load
 * @param heapBytes backend heap after a full GC (JVM backends)
 */
public record LinkMeasurement(LinkTarget target, Repeats inRate, Repeats outRate, List<Percentiles> pongs,
                       double loginsPerSecond, double warmLoginsPerSecond, OptionalLong rssBytes, OptionalLong heapBytes) {

    public Repeats p50Millis() {
        return Repeats.of(pongs.stream().mapToDouble(Percentiles::p50Millis).toArray());
    }

    public Repeats p99Millis() {
        return Repeats.of(pongs.stream().mapToDouble(Percentiles::p99Millis).toArray());
    }

    public Repeats p999Millis() {
        return Repeats.of(pongs.stream().mapToDouble(Percentiles::p999Millis).toArray());
    }

    public double maxMillis() {
        return pongs.stream().mapToDouble(Percentiles::maxMillis).max().orElse(Double.NaN);
    }

    public long pongCount() {
        return pongs.stream().mapToLong(Percentiles::count).sum();
    }

    /** The backend's throughput: what it took from the main, or for an echo what it returned. */
    public double throughput() {
        return target.echoes() ? Math.min(inRate.median(), outRate.median()) : inRate.median();
    }
}

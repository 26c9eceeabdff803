package org.spectrumcomet.peers.bridge;

import java.util.ArrayList;
import java.util.List;

/** Message latencies in milliseconds, thread-safe, with the percentiles a load test states. */
final class Latencies {

    private final String name;
    private final List<Long> millis = new ArrayList<>();

    Latencies(String name) {
        this.name = name;
    }

    synchronized void add(long nanos) {
        millis.add(nanos / 1_000_000);
    }

    synchronized int size() {
        return millis.size();
    }

    /** The {@code p}-th percentile (nearest rank), or -1 when empty. */
    synchronized long percentile(double p) {
        if (millis.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(millis);
        sorted.sort(null);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    @Override
    public synchronized String toString() {
        return String.format("%s: n=%d p50=%d ms p99=%d ms max=%d ms", name, millis.size(), percentile(50),
                percentile(99), percentile(100));
    }
}

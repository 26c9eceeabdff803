package org.spectrumcomet.soak;

/**
 * One report row: the running totals and the last window's latency, and both children's samples.
 * Printed as a Markdown table row so the console output pastes into a report as it is.
 */
public record SoakRow(long elapsedSeconds, long sent, long received, long lost, long duplicates, int open,
                      WindowLatency.Percentiles window, ProcessProbe.Sample backend, ProcessProbe.Sample comet) {

    public static String header() {
        return "| elapsed s | sent | received | lost | dup | open | p50 ms | p99 ms | p99.9 ms "
                + "| backend heap MiB | comet heap MiB | backend RSS MiB | comet RSS MiB | backend fds | comet fds |\n"
                + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";
    }

    public String line() {
        return String.format(java.util.Locale.ROOT,
                "| %d | %d | %d | %d | %d | %d | %.1f | %.1f | %.1f | %s | %s | %s | %s | %d | %d |",
                elapsedSeconds, sent, received, lost, duplicates, open, window.p50(), window.p99(), window.p999(),
                mib(backend.heapAfterGc()), mib(comet.heapAfterGc()), mib(backend.rss()), mib(comet.rss()),
                backend.fds(), comet.fds());
    }

    static String mib(long bytes) {
        return bytes < 0 ? "?" : String.format(java.util.Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }
}

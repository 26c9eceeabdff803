package org.spectrumcomet.soak;

/**
 * When a quantity counts as flat over a run: {@code end ≤ start × factor + slack}. Heap after GC
 * gets ×1.5 + 16 MiB (caches and pools settle after the first window); open descriptors ×1.1 + 32
 * (churning users hold a varying number of sockets). An unreadable sample (-1) is never flat.
 */
public record FlatRule(String what, double factor, long slack) {

    public static final FlatRule HEAP = new FlatRule("heap after GC", 1.5, 16L * 1024 * 1024);
    public static final FlatRule FDS = new FlatRule("open fds", 1.1, 32);

    public long limit(long start) {
        return (long) (start * factor) + slack;
    }

    public boolean flat(long start, long end) {
        return start >= 0 && end >= 0 && end <= limit(start);
    }

    /** The rule in words, with this run's numbers when {@code start} is known. */
    public String describe() {
        return "end ≤ start × " + factor + " + " + (slack >= 1024 * 1024 ? slack / (1024 * 1024) + " MiB" : Long.toString(slack));
    }
}

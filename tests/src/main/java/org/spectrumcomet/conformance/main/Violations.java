package org.spectrumcomet.conformance.main;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectrumcomet.conformance.main.Violation.Effect;

/**
 * The violations flagged on one backend link, in order. Thread-safe. Bounded to {@value #CAP}
 * entries: beyond that only the count grows (one broken backend can repeat a fault forever).
 */
public final class Violations {

    static final int CAP = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(Violations.class);

    private final List<Violation> kept = new ArrayList<>();
    private long count;

    public synchronized void flag(Effect effect, String rule, String detail) {
        count++;
        LOG.warn("backend violation {} ({}): {}", rule, effect, detail);
        if (kept.size() < CAP) {
            kept.add(new Violation(Instant.now(), effect, rule, detail));
        }
    }

    public synchronized long count() {
        return count;
    }

    /** Violations flagged at or after position {@code from} (see {@link #count()}). */
    public synchronized List<Violation> since(long from) {
        return List.copyOf(kept.subList((int) Math.min(from, kept.size()), kept.size()));
    }

    public synchronized List<Violation> all() {
        return List.copyOf(kept);
    }
}

package org.spectrumcomet.conformance.main;

import java.time.Instant;
import java.util.Objects;

/**
 * Something the backend did that the real Spectrum main would not tolerate.
 *
 * @param at when the kit noticed
 * @param effect what the real main would do about it
 * @param rule a short stable name of the broken rule (e.g. {@code timestamp-format})
 * @param detail what exactly was wrong, with the offending values
 */
public record Violation(Instant at, Effect effect, String rule, String detail) {

    /** What the real main does with the offending frame. */
    public enum Effect {
        /** An uncaught exception or a signal: the main process terminates or hurts other processes. */
        CRASH,
        /** The frame is dropped (silently or with a log line). */
        DROP,
        /** The frame is processed, but the main's state goes wrong (replayed joins, lost sessions). */
        MISBEHAVE,
        /** The main declares the backend dead (ping timeout) or stalls on it. */
        DEAD
    }

    public Violation {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
        return rule + " (" + effect.name().toLowerCase() + "): " + detail;
    }
}

package org.spectrumcomet.bridge.session;

import java.time.Duration;
import java.time.Instant;

/**
 * How many failure notices one user gets: at most {@code burst} per {@code window}; the rest of
 * the window's notices are counted and summed up in one line when it ends. A user flooding comet
 * past its bounds would otherwise get one notice per refused message, and the main instance would
 * relay tens of thousands of them ahead of every other user's messages. Used only from the
 * session's serial executor.
 */
final class NoticeThrottle {

    private final int burst;
    private final Duration window;
    private Instant windowStart = Instant.MIN;
    private int sent;
    private int suppressed;

    NoticeThrottle(int burst, Duration window) {
        this.burst = burst;
        this.window = window;
    }

    /** True if a notice may go out {@code now}; false if it was counted for the summary instead. */
    boolean admit(Instant now) {
        if (!now.isBefore(windowStart.plus(window))) {
            windowStart = now;
            sent = 0;
        }
        if (sent < burst) {
            sent++;
            return true;
        }
        suppressed++;
        return false;
    }

    /** True when the first notice of a window was just suppressed: time to schedule the summary. */
    boolean firstSuppressed() {
        return suppressed == 1;
    }

    /** The summary of what was suppressed, or null if nothing was; the count starts again. */
    String takeSummary() {
        if (suppressed == 0) {
            return null;
        }
        String summary = suppressed + " more " + (suppressed == 1 ? "notice" : "notices")
                + " like the ones above in the last " + window.toSeconds() + " s (not shown one by one)";
        suppressed = 0;
        return summary;
    }

    Duration window() {
        return window;
    }
}

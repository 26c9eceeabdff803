package org.spectrumcomet.backend.outbound;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The only timestamp form Spectrum accepts in {@code ConversationMessage.timestamp}:
 * {@code YYYYMMDDTHHMMSS} in UTC (boost's ISO basic form). Anything else makes boost throw inside
 * the main's handler, which nothing catches, and the main process dies (spec §5.5).
 */
public final class SpectrumTimestamp {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

    private SpectrumTimestamp() {
    }

    /**
     * Formats an instant, truncated to the second.
     *
     * @throws IllegalArgumentException for years outside 1400–9999, which boost cannot represent
     */
    public static String format(Instant instant) {
        int year = instant.atZone(ZoneOffset.UTC).getYear();
        if (year < 1400 || year > 9999) {
            throw new IllegalArgumentException("timestamp year out of Spectrum's range 1400-9999: " + instant);
        }
        return FORMAT.format(instant);
    }
}

package org.spectrumcomet.bridge.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The duration syntax of the {@code [comet]} section: a whole number with an optional unit,
 * {@code ms}, {@code s}, {@code m} or {@code h}; a bare number means seconds ({@code 30} = 30 s,
 * {@code 500ms}, {@code 2m}). Spectrum's own keys use plain seconds, so bare numbers stay familiar.
 */
final class DurationSetting {

    private static final Pattern FORM = Pattern.compile("([0-9]{1,9})\\s*(ms|s|m|h)?");

    private DurationSetting() {
    }

    /** The duration, or null when {@code text} is not in the syntax above. */
    static Duration parse(String text) {
        Matcher m = FORM.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }
}

package org.spectrumcomet.bench.report;

import java.util.Locale;

/** How numbers appear in the tables: grouped integers, three significant-ish decimals, ratios as "1.23×". */
public final class Numbers {

    private Numbers() {
    }

    /** Integers with thousands separators; doubles with a precision that suits their size; anything else as text. */
    public static String format(Object value) {
        if (value == null) {
            return "–";
        }
        if (value instanceof Double || value instanceof Float) {
            return decimal(((Number) value).doubleValue());
        }
        if (value instanceof Number) {
            return String.format(Locale.ROOT, "%,d", ((Number) value).longValue());
        }
        return value.toString();
    }

    public static String decimal(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "–";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (magnitude >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /** {@code part / whole} as "1.23×"; "–" when the baseline is missing or zero. */
    public static String ratio(double part, double whole) {
        if (whole == 0 || Double.isNaN(whole) || Double.isNaN(part)) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.2f×", part / whole);
    }

    /** Parses a cell written by {@link #format(Object)} back (for tests and ratio checks). */
    public static double parse(String cell) {
        String plain = cell.replace(",", "").replace("×", "").trim();
        return Double.parseDouble(plain);
    }
}

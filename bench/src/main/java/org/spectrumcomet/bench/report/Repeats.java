package org.spectrumcomet.bench.report;

import java.util.Arrays;

/**
 * The spread of one measure over repeated runs: min, median and max (METHOD.md asks for ≥ 3
 * repeats; fewer are accepted for smoke runs and shown as such by the count).
 */
public record Repeats(double min, double median, double max, int count) {

    public static Repeats of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values to summarise");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Repeats(sorted[0], median, sorted[n - 1], n);
    }

    /** "median (min–max)" for a table cell. */
    public String cell() {
        return Numbers.decimal(median) + " (" + Numbers.decimal(min) + "–" + Numbers.decimal(max) + ")";
    }

    @Override
    public String toString() {
        return cell();
    }
}

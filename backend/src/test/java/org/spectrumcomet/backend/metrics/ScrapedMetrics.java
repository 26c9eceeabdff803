package org.spectrumcomet.backend.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/** A Prometheus text exposition parsed into "name{labels}" → value, for assertions. */
public final class ScrapedMetrics {

    private final Map<String, Double> values = new LinkedHashMap<>();
    private final String text;

    public ScrapedMetrics(String text) {
        this.text = text;
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            values.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
    }

    /** The sample's value; fails when there is no such sample. */
    public double value(String sample) {
        Double v = values.get(sample);
        if (v == null) {
            throw new AssertionError("no sample " + sample + " in:\n" + text);
        }
        return v;
    }

    public boolean has(String sample) {
        return values.containsKey(sample);
    }

    public String text() {
        return text;
    }
}

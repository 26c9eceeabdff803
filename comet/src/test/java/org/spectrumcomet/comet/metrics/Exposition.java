package org.spectrumcomet.comet.metrics;

import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * A scraped Prometheus text exposition, parsed: every sample by its exact series name
 * ({@code name{a="x",b="y"}}, labels sorted as Micrometer prints them), and the HELP of every metric.
 */
final class Exposition {

    final String text;
    private final Map<String, Double> samples = new HashMap<>();
    private final Map<String, String> help = new HashMap<>();

    Exposition(String text) {
        this.text = text;
        for (String line : text.split("\n")) {
            if (line.startsWith("# HELP ")) {
                String rest = line.substring(7);
                int space = rest.indexOf(' ');
                help.put(rest.substring(0, space), rest.substring(space + 1));
            } else if (!line.isBlank() && !line.startsWith("#")) {
                int space = line.lastIndexOf(' ');
                samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
    }

    /** The series' value; fails when the exposition has no such series. */
    double value(String name, String... labels) {
        String key = key(name, labels);
        Double value = samples.get(key);
        if (value == null) {
            throw new AssertionError("no series " + key + " in:\n" + text);
        }
        return value;
    }

    boolean has(String name, String... labels) {
        return samples.containsKey(key(name, labels));
    }

    String help(String name) {
        return help.get(name);
    }

    private static String key(String name, String... labels) {
        if (labels.length == 0) {
            return name;
        }
        Map<String, String> sorted = new TreeMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            sorted.put(labels[i], labels[i + 1]);
        }
        StringJoiner joined = new StringJoiner(",", name + "{", "}");
        sorted.forEach((k, v) -> joined.add(k + "=\"" + v + "\""));
        return joined.toString();
    }
}

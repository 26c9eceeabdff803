package org.spectrumcomet.backend.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer of {@code GET /health}: every check by name, in registration order, with its
 * problem or none. Healthy (HTTP 200) only when no check has a problem, else 503.
 *
 * <pre>
 *   main: up
 *   comet: down: websocket ws://127.0.0.1:8087: connection refused
 * </pre>
 *
 * @param problems check name → problem, null for a healthy check
 */
public record HealthReport(Map<String, String> problems) {

    public HealthReport {
        problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems)); // null values allowed
    }

    public boolean healthy() {
        return problems.values().stream().allMatch(p -> p == null);
    }

    /** The plain-text body: one {@code name: up} or {@code name: down: why} line per check. */
    public String text() {
        StringBuilder b = new StringBuilder();
        problems.forEach((name, problem) -> b.append(name).append(problem == null ? ": up" : ": down: " + problem)
                .append('\n'));
        return b.toString();
    }
}

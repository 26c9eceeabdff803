package org.spectrumcomet.conformance.suites;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The outcome of one scenario.
 *
 * @param suite the suite's name
 * @param scenario the scenario's name
 * @param passed whether it passed
 * @param reason why it failed (empty when it passed)
 * @param took how long it ran
 * @param backendLog the backend's output (kept for failures), or null
 */
public record ScenarioResult(String suite, String scenario, boolean passed, String reason, Duration took, Path backendLog) {

    public static ScenarioResult pass(String suite, String scenario, Duration took) {
        return new ScenarioResult(suite, scenario, true, "", took, null);
    }

    public static ScenarioResult fail(String suite, String scenario, String reason, Duration took, Path backendLog) {
        return new ScenarioResult(suite, scenario, false, reason, took, backendLog);
    }
}

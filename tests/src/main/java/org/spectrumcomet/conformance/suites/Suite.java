package org.spectrumcomet.conformance.suites;

import java.util.List;
import java.util.Objects;

/**
 * A named group of scenarios.
 *
 * @param name the name used on the command line ({@code --suite})
 * @param kind whether any backend must pass it, or it needs a legacy driver
 * @param scenarios in the order they run
 */
public record Suite(String name, Kind kind, List<Scenario> scenarios) {

    /** What a suite needs from the backend under test. */
    public enum Kind {
        /** Pure protocol behaviour every backend must show. */
        PROTOCOL,
        /** Behaviour that needs the legacy side to act, through a legacy driver. */
        SCENARIO
    }

    public Suite {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        scenarios = List.copyOf(scenarios);
    }
}

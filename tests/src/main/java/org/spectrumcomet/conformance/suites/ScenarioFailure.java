package org.spectrumcomet.conformance.suites;

/** Thrown by a scenario step that did not see what it expected; the message is the reason shown. */
public final class ScenarioFailure extends Exception {
    private static final long serialVersionUID = 1L;

    public ScenarioFailure(String reason) {
        super(reason);
    }
}

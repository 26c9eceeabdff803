package org.spectrumcomet.demo;

/** A demo step that did not happen: what was expected and what was seen instead. */
public final class DemoFailure extends Exception {

    private static final long serialVersionUID = 1L;

    public DemoFailure(String reason) {
        super(reason);
    }

    public DemoFailure(String reason, Throwable cause) {
        super(reason, cause);
    }
}

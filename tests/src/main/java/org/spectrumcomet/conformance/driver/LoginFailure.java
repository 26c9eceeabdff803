package org.spectrumcomet.conformance.driver;

/** Login outcomes other than success that a scenario can ask a driver to provoke. */
public enum LoginFailure {
    /** Wrong credentials: DISCONNECTED error 2, final. */
    AUTHENTICATION_FAILED(2),
    /** Unusable account name: DISCONNECTED error 1, final. */
    INVALID_USERNAME(1),
    /** A transient failure once: DISCONNECTED error 0, the main reconnects, the next LOGIN succeeds. */
    NETWORK_ERROR_ONCE(0),
    /** A transient failure every time: the main gives up after 3 reconnects. */
    NETWORK_ERROR_ALWAYS(0);

    private final int error;

    LoginFailure(int error) {
        this.error = error;
    }

    /** The DISCONNECTED error code expected. */
    public int error() {
        return error;
    }
}

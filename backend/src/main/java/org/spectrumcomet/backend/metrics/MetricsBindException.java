package org.spectrumcomet.backend.metrics;

/** The {@code [metrics]} listener could not bind its address; the backend exits with code 2. */
public final class MetricsBindException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MetricsBindException(String message, Throwable cause) {
        super(message, cause);
    }
}

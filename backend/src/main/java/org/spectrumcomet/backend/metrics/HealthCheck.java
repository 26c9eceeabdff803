package org.spectrumcomet.backend.metrics;

/**
 * One part of {@code GET /health}: asked on the listener's thread at each request, so it only
 * reads state that is kept up to date elsewhere (never does I/O).
 */
@FunctionalInterface
public interface HealthCheck {

    /** Null when this part is healthy, else one line saying why not (e.g. "cometql 127.0.0.1:3307: connection refused"). */
    String problem();
}

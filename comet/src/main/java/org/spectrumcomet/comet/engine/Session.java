package org.spectrumcomet.comet.engine;

/**
 * The engine's handle on one attached connection.
 *
 * @param id unique per engine lifetime
 * @param userId 0 for anonymous
 */
public record Session(long id, String tenant, long userId, ClientConnection connection) {
    public boolean authorized() {
        return userId > 0;
    }
}

package org.spectrumcomet.comet;

/** The server could not start (port in use, bad address, unusable data directory); one line. */
public final class ServerStartException extends Exception {

    public ServerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}

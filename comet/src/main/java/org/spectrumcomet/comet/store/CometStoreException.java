package org.spectrumcomet.comet.store;

/**
 * The durable store could not do what was asked (disk full, read-only directory, corrupt
 * file). Nothing the store acknowledged before is lost; the failed operation had no effect.
 * Protocol layers report it to the client as an internal error (CometQL ERR 500).
 */
public final class CometStoreException extends RuntimeException {

    public CometStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

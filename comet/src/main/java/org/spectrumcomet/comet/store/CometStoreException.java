package org.spectrumcomet.comet.store;

/**
 * The durable store could not do what was asked (disk full, read-only directory, corrupt
 * file). Nothing the store acknowledged before is lost; the failed operation had no effect.
 * Protocol layers report it to the client as an internal error (CometQL ERR 500, HTTP 500) with
 * {@link #clientMessage()}: the cause in the client's words, without the server's file paths.
 */
public final class CometStoreException extends RuntimeException {

    private final boolean full;
    private final boolean unreachable;

    public CometStoreException(String message, Throwable cause) {
        this(message, cause, false);
    }

    /** {@code full}: the data directory has no space left (SQLite's SQLITE_FULL). */
    public CometStoreException(String message, Throwable cause, boolean full) {
        this(message, cause, full, false);
    }

    private CometStoreException(String message, Throwable cause, boolean full, boolean unreachable) {
        super(message, cause);
        this.full = full;
        this.unreachable = unreachable;
    }

    /** A shared store (the Redis engine's) did not answer or is disconnected. */
    public static CometStoreException unreachable(String message, Throwable cause) {
        return new CometStoreException(message, cause, false, true);
    }

    public boolean isUnreachable() {
        return unreachable;
    }

    public boolean isFull() {
        return full;
    }

    /** What a client is told: the write was refused and had no effect. */
    public String clientMessage() {
        if (unreachable) {
            // A timed-out write may still have reached Redis: say "not confirmed", not "not stored".
            return "Store unreachable: the comet network's Redis is not answering; the request was not confirmed";
        }
        return full
                ? "Store full: no space left in the comet data directory; nothing was stored"
                : "Store failure: the comet store could not complete the request; nothing was stored";
    }
}

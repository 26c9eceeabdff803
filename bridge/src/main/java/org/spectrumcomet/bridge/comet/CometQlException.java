package org.spectrumcomet.bridge.comet;

/**
 * A CometQL call that failed. {@link #serverCode()} is the CometQL error code from the server's
 * ERR packet (spec §I.3.4: 11 too long, 12 invalid value, ...) or 0 when the failure was local
 * or on the network — match on the code, never on CppComet's sometimes garbled text.
 */
public class CometQlException extends RuntimeException {

    private final int serverCode;

    public CometQlException(String message, int serverCode, Throwable cause) {
        super(message, cause);
        this.serverCode = serverCode;
    }

    public CometQlException(String message) {
        this(message, 0, null);
    }

    /** The CometQL error code, or 0 when the server did not answer with an error. */
    public int serverCode() {
        return serverCode;
    }

    /** A statement of 9000 bytes or more; CppComet refuses those (ERR 11), so it is never sent. */
    public static final class TooLarge extends CometQlException {
        public TooLarge(String message) {
            super(message);
        }
    }

    /**
     * No connection to the node could be made (TCP refused or timed out, or the link failed during
     * the CometQL login): the statement was certainly not sent.
     */
    public static final class Unreachable extends CometQlException {
        public Unreachable(String message, Throwable cause) {
            super(message, 0, cause);
        }
    }

    /** No connection became free within {@code pool_wait}, or the statement queue was full. */
    public static final class Busy extends CometQlException {
        public Busy(String message) {
            super(message);
        }
    }
}

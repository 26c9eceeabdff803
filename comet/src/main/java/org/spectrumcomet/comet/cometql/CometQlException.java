package org.spectrumcomet.comet.cometql;

/**
 * A statement refused with a CometQL error code (§I.3.4 of the protocol notes); becomes an ERR
 * packet with SQLSTATE HY000. No stack trace: it is an answer, not a fault.
 */
public final class CometQlException extends RuntimeException {
    public static final int NOT_IMPLEMENTED = 2;
    public static final int SYNTAX = 3;
    public static final int READ_ONLY = 10;
    public static final int TOO_LONG = 11;
    public static final int INVALID_VALUE = 12;
    public static final int KEY_REQUIRED = 13;
    public static final int COLUMN_ERROR = 14;
    public static final int DOES_NOT_EXIST = 15;
    public static final int TOO_SHORT = 17;
    public static final int TOO_MANY_CONDITIONS = 18;
    public static final int TOO_MANY_VALUES = 19;
    public static final int TOO_MANY_COLUMNS = 20;
    /** Ours (CppComet's queue has no bound): the offline user's queue is full, nothing was queued. */
    public static final int QUEUE_FULL = 22;
    public static final int INTERNAL = 500;

    private final int code;

    public CometQlException(int code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public int code() {
        return code;
    }
}

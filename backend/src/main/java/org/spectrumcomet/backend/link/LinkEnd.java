package org.spectrumcomet.backend.link;

/** Why the link to the main instance ended, and the process exit code that goes with it. */
public enum LinkEnd {
    /** The main sent EXIT (idle reaping or shutdown). */
    EXIT(0),
    /** The main closed the connection (or it broke). */
    EOF(0),
    /** No PING arrived within the ping timeout: the main is hung or gone. */
    PING_TIMEOUT(1),
    /** The main announced a frame larger than the inbound cap; the stream cannot be trusted. */
    PROTOCOL_ERROR(1),
    /**
     * The link's event loop hit a VM error (e.g. OutOfMemoryError): the process cannot be trusted
     * and must not look like a clean EOF to whoever supervises it.
     */
    INTERNAL_ERROR(1),
    /** This process asked the link to close. */
    CLOSED_LOCALLY(0);

    private final int exitCode;

    LinkEnd(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}

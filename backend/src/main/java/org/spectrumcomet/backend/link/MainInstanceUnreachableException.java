package org.spectrumcomet.backend.link;

/** Every connection attempt to the main instance failed; the message is one line for stderr. */
public final class MainInstanceUnreachableException extends Exception {
    private static final long serialVersionUID = 1L;

    public MainInstanceUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}

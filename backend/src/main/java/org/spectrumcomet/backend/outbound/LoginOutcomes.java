package org.spectrumcomet.backend.outbound;

/**
 * How LOGINs end, as {@link FramedMainInstance} sends the answers, for metrics. Called on the
 * sending thread (a worker); an implementation only counts.
 */
public interface LoginOutcomes {

    /** Reports nothing. */
    LoginOutcomes NONE = new LoginOutcomes() {
    };

    /** CONNECTED answered a LOGIN. */
    default void accepted() {
    }

    /** DISCONNECTED answered a LOGIN (the user never got in). */
    default void refused(ConnectionError error) {
    }

    /** DISCONNECTED ended the session of a user that was connected. */
    default void disconnected(ConnectionError error) {
    }
}

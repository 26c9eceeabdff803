package org.spectrumcomet.bridge.comet;

/**
 * How opening a user's WebSocket ended, in the words the Spectrum side needs.
 *
 * @param outcome what happened
 * @param detail  a human-readable reason (for logs and the XMPP user's error message)
 */
public record LoginResult(Outcome outcome, String detail) {

    public enum Outcome {
        /** serverInfo said {@code authorized:true}: connected as that user. */
        ACCEPTED,
        /** serverInfo said {@code authorized:false}; CppComet would continue anonymously, we close. */
        KEY_REJECTED,
        /** No connection, no handshake, or no serverInfo within {@code login_timeout}. */
        UNREACHABLE
    }

    public boolean accepted() {
        return outcome == Outcome.ACCEPTED;
    }
}

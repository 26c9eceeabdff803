package org.spectrumcomet.bridge.comet;

/** A pipe, event, user id or key that a comet server would refuse; never sent. */
public final class CometNameException extends IllegalArgumentException {

    public CometNameException(String message) {
        super(message);
    }
}

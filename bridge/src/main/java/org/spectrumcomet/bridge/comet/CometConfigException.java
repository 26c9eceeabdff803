package org.spectrumcomet.bridge.comet;

/** A {@code [comet]} setting that cannot be used; the message names the key and the value. */
public final class CometConfigException extends IllegalArgumentException {

    public CometConfigException(String message) {
        super(message);
    }
}

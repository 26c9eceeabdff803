package org.spectrumcomet.bridge.session;

/** How comet answered a user's socket: the serverInfo frame's {@code authorized} flag. */
public enum LinkOpening {
    ACCEPTED,
    REJECTED
}

package org.spectrumcomet.comet.engine;

/**
 * What a private message did: delivered to {@code delivered} connections, or queued, or neither
 * ({@link #refused()}: the user was offline and its queue full).
 */
public record PrivateReceipt(int delivered, boolean queued) {

    /** True when nobody got the message and nothing was stored: the sender must be told. */
    public boolean refused() {
        return delivered == 0 && !queued;
    }
}

package org.spectrumcomet.comet.engine;

/** What a private message did: delivered to {@code delivered} connections, or queued. */
public record PrivateReceipt(int delivered, boolean queued) {
}

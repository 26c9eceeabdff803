package org.spectrumcomet.comet.engine;

/** What a pipe publish did: the id it was kept under (empty if not kept) and how many got it. */
public record PublishReceipt(String messageId, int delivered) {
}

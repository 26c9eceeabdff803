package org.spectrumcomet.backend.handler;

/**
 * Answers to admin commands sent with {@link org.spectrumcomet.backend.outbound.MainInstance#query}
 * (spec §5.10). They run on the same serial queue as RAW_XML. Without a handler they are ignored
 * with a debug log.
 */
public interface QueryHandler {

    /** The main's textual answer to an earlier query. */
    void queryAnswer(String answer);
}

package org.spectrumcomet.conformance.comet;

/**
 * A message body in the comet body convention ({@code bridge/COMET-BODY.md}) as a web page writes
 * and reads it. Absent fields are null ({@code ts} 0).
 *
 * @param kind null for a text message, else {@code typing}, {@code paused}, {@code stopped}, {@code attention}, …
 * @param from the sender's comet user id in decimal
 * @param nick the sender's display name
 * @param text the text
 * @param id the sender's message id
 * @param ts the send time in epoch milliseconds, 0 when absent
 */
public record WebBody(String kind, String from, String nick, String text, String id, long ts) {

    /** A text message from {@code from}. */
    public static WebBody text(long from, String text, String id) {
        return new WebBody(null, Long.toString(from), null, text, id, System.currentTimeMillis());
    }

    /** A chat state or attention from {@code from}. */
    public static WebBody notice(String kind, long from) {
        return new WebBody(kind, Long.toString(from), null, null, null, System.currentTimeMillis());
    }

    public boolean isText() {
        return kind == null;
    }
}

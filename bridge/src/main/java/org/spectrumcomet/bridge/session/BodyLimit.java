package org.spectrumcomet.bridge.session;

import java.nio.charset.StandardCharsets;
import org.spectrumcomet.bridge.comet.CometBody;
import org.spectrumcomet.bridge.comet.CometBodyLiteral;

/**
 * The size rule for bodies we send: the CometQL literal (escapes included, UTF-8) must fit in
 * {@code max_body_bytes}, so that the whole statement stays under comet's 9000-byte query limit.
 * Too large a message is refused with a message to the user, never cut.
 */
public final class BodyLimit {

    private BodyLimit() {
    }

    /** Most bytes one UTF-16 unit of a field can take in the literal: a {@code \\uXXXX} escape. */
    static final int MAX_BYTES_PER_CHAR = 6;
    /** Keys, quotes, commas and braces of every field, a 20-character {@code ts}, the literal's quotes, with room to spare. */
    static final int STRUCTURE_BYTES = 128;

    /** Null when {@code body} fits, else the reason to tell the user. */
    public static String problem(CometBody body, int maxBytes) {
        if (upperBound(body) <= maxBytes) {
            return null; // cannot be too large: the literal is built once, when it is sent
        }
        int size = CometBodyLiteral.of(body).getBytes(StandardCharsets.UTF_8).length;
        return size <= maxBytes ? null
                : "the message is too long for comet (" + size + " bytes encoded, at most " + maxBytes + ")";
    }

    /** Never less than the literal's UTF-8 size: every character escaped, every field present. */
    static long upperBound(CometBody body) {
        long chars = length(body.kind().wire()) + length(body.from()) + length(body.nick()) + length(body.text())
                + length(body.id()) + length(body.ref());
        return chars * MAX_BYTES_PER_CHAR + STRUCTURE_BYTES;
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}

package org.spectrumcomet.bridge.session;

import java.nio.charset.StandardCharsets;
import org.spectrumcomet.bridge.comet.CometBody;
import org.spectrumcomet.bridge.comet.CometBodyCodec;
import org.spectrumcomet.bridge.comet.CometQlLiteral;

/**
 * The size rule for bodies we send: the CometQL literal (escapes included, UTF-8) must fit in
 * {@code max_body_bytes}, so that the whole statement stays under comet's 9000-byte query limit.
 * Too large a message is refused with a message to the user, never cut.
 */
public final class BodyLimit {

    private BodyLimit() {
    }

    /** Null when {@code body} fits, else the reason to tell the user. */
    public static String problem(CometBody body, int maxBytes) {
        int size = CometQlLiteral.ofJson(CometBodyCodec.toJson(body)).getBytes(StandardCharsets.UTF_8).length;
        return size <= maxBytes ? null
                : "the message is too long for comet (" + size + " bytes encoded, at most " + maxBytes + ")";
    }
}

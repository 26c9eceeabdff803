package org.spectrumcomet.conformance.comet;

/**
 * Which comet server the driver talks to, read from the {@code server} field of the first
 * {@code serverInfo} frame. The two differ by design where our server follows the seed and CppComet
 * does not (spec Part II, "Do right where CppComet does not"); the suites ask the flavour instead
 * of assuming our server's behaviour.
 */
public enum CometFlavour {

    /** Our comet server ({@code bin/comet-server}): a bounded offline queue, tenants with their own keys. */
    OURS,

    /**
     * The real CppComet 4.09: an unbounded offline queue (spec §I.3.3 users_messages), one password
     * for every dev_id (§I.5), queued messages delivered again after a connect in the same second
     * (§I.3.3), emoji dropped by its utf8 columns.
     */
    CPPCOMET;

    /** CppComet names itself {@code CppComet community 4.09 (AGPL license)}; ours says "CppComet-compatible". */
    public static CometFlavour ofServerName(String server) {
        return server != null && server.startsWith("CppComet") ? CPPCOMET : OURS;
    }

    /** Whether comet refuses private messages to an offline user once the user's queue is full. */
    public boolean boundsOfflineQueue() {
        return this == OURS;
    }
}

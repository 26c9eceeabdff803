package org.spectrumcomet.peers;

import java.util.function.BooleanSupplier;

/**
 * Polls a condition on client-side state (a roster, an occupant list) that Smack fills in from
 * several stanzas, until it holds or {@link SmackClients#REPLY_TIMEOUT_MS} passes.
 */
public final class Deadline {

    private static final long POLL_MS = 20;

    private Deadline() {
    }

    public static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + SmackClients.REPLY_TIMEOUT_MS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("not within " + SmackClients.REPLY_TIMEOUT_MS + " ms: " + what);
            }
            Thread.sleep(POLL_MS);
        }
    }
}

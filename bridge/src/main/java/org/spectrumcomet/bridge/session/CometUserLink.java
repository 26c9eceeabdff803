package org.spectrumcomet.bridge.session;

import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** One user's WebSocket to comet, as sessions see it. */
public interface CometUserLink {

    /**
     * Completes with the first answer of comet: {@link LinkOpening#ACCEPTED} when the serverInfo
     * frame said authorized, {@link LinkOpening#REJECTED} when it did not; exceptionally when comet
     * could not be reached (the exception's message says why).
     */
    CompletableFuture<LinkOpening> opened();

    /** Replaces the whole subscription set (kept across reconnects). */
    void subscribe(Set<String> pipes);

    /** Closes the socket for good; no further events. */
    void close();
}

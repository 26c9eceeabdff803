package org.spectrumcomet.conformance.comet;

import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Checks what one long-lived web user received for scenarios that do not know its frame indexes.
 * Each received frame proves at most one delivery: a matched frame is claimed, so a message sent
 * twice must arrive twice, and an old frame with the same text never stands in for a new one.
 */
final class WebObserver {

    private final WebUser user;
    private final Set<WebFrame> claimed = Collections.newSetFromMap(new IdentityHashMap<>());

    WebObserver(WebUser user) {
        this.user = user;
    }

    /** Empty when an unclaimed private message matching arrives in time, else {@code failure}. */
    String awaitPrivate(Predicate<WebBody> match, Duration timeout, String failure) {
        return awaitClaim(f -> f.isPrivate() && match.test(f.body()), timeout, failure);
    }

    /** Empty when an unclaimed message on {@code pipe} matching arrives in time, else {@code failure}. */
    String awaitOnPipe(String pipe, Predicate<WebBody> match, Duration timeout, String failure) {
        return awaitClaim(f -> f.pipe().equals(pipe) && match.test(f.body()), timeout, failure);
    }

    /** Like {@link #awaitOnPipe} for messages published with event {@code event} only. */
    String awaitEventOnPipe(String pipe, String event, Predicate<WebBody> match, Duration timeout, String failure) {
        return awaitClaim(f -> f.pipe().equals(pipe) && f.event().equals(event) && match.test(f.body()), timeout,
                failure);
    }

    private String awaitClaim(Predicate<WebFrame> match, Duration timeout, String failure) {
        try {
            Optional<WebFrame> hit = user.await(0, f -> match.test(f) && isFree(f), timeout);
            return hit.map(f -> claim(f) ? "" : failure).orElse(failure + " within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private synchronized boolean isFree(WebFrame f) {
        return !claimed.contains(f);
    }

    private synchronized boolean claim(WebFrame f) {
        return claimed.add(f);
    }
}

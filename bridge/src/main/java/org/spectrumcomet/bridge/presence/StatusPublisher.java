package org.spectrumcomet.bridge.presence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectrumcomet.backend.outbound.PresenceStatus;
import org.spectrumcomet.bridge.comet.CometBody;
import org.spectrumcomet.bridge.session.Failures;
import org.spectrumcomet.bridge.session.UserSession;

/**
 * STATUS_CHANGED → the user's status event: published to the user's own {@code user_status_<id>}
 * pipe (where comet itself announces {@code online}/{@code offline}) with event
 * {@code status_<show>} — {@code status_online}, {@code status_away}, {@code status_chat},
 * {@code status_xa}, {@code status_dnd} — and a text body carrying the status message. Invisible
 * (6) is not published: announcing it would defeat it. Other bridge users tracking this user read
 * it back as the buddy's show and status message.
 */
public final class StatusPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(StatusPublisher.class);
    private static final String[] SHOWS = {"online", "away", "chat", "xa", "dnd"};
    private static final PresenceStatus[] STATUSES = {PresenceStatus.ONLINE, PresenceStatus.AWAY, PresenceStatus.FFC,
        PresenceStatus.XA, PresenceStatus.DND};

    private StatusPublisher() {
    }

    /** Publishes the user's new status ({@code status}: Spectrum's 0–4, 6). */
    public static void publish(UserSession session, int status, String message) {
        if (status < 0 || status >= SHOWS.length) {
            LOG.debug("user {} (comet {}): status {} not published", session.jid(), session.userId(), status);
            return;
        }
        String pipe = "user_status_" + session.userId();
        String event = "status_" + SHOWS[status];
        CometBody body = CometBody.text(Long.toString(session.userId()), null, message, null,
                session.now().toEpochMilli());
        session.outbox().enqueue(() -> session.network().publish(pipe, event, body)).whenComplete((ok, error) -> {
            if (error != null) {
                LOG.warn("user {} (comet {}): status {} not published to pipe {}: {}", session.jid(),
                        session.userId(), event, pipe, Failures.reason(error));
            }
        });
    }

    /** The presence for a {@code status_<show>} event, or null for any other event. */
    static PresenceStatus showOf(String event) {
        for (int i = 0; i < SHOWS.length; i++) {
            if (event.equals("status_" + SHOWS[i])) {
                return STATUSES[i];
            }
        }
        return null;
    }
}

package org.spectrumcomet.bridge.chat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectrumcomet.backend.outbound.ChatMessage;
import org.spectrumcomet.bridge.comet.CometBody;
import org.spectrumcomet.bridge.comet.CometBodyCodec;
import org.spectrumcomet.bridge.metrics.MessageKind;
import org.spectrumcomet.bridge.session.BodyLimit;
import org.spectrumcomet.bridge.session.CometMessage;
import org.spectrumcomet.bridge.session.Failures;
import org.spectrumcomet.bridge.session.LegacyName;
import org.spectrumcomet.bridge.session.MessageTime;
import org.spectrumcomet.bridge.session.UserSession;

/**
 * One user's 1:1 conversations: XMPP messages, chat states and attention to a buddy B become
 * bodies on B's private channel ({@code users_messages}); private messages arriving on the user's
 * socket become CONV_MESSAGE / typing / ATTENTION from the sender's id.
 *
 * <p>Rules: a message is acknowledged (CONV_MESSAGE_ACK) only when it carried an id and comet
 * accepted it. Chat states and attention go out only while B is online (comet would queue them
 * otherwise and deliver stale "typing" later). Private messages without a sender id (inserted by
 * the site's server) come from the pseudo-buddy {@value #PSEUDO_BUDDY}, which is also where the
 * user reads about failures.
 */
public final class PrivateChat {

    /** The buddy name of messages that have no comet sender, and of the bridge's own notices. */
    public static final String PSEUDO_BUDDY = "comet";

    private static final Logger LOG = LoggerFactory.getLogger(PrivateChat.class);

    private final UserSession session;
    private long sent;

    public PrivateChat(UserSession session) {
        this.session = session;
    }

    /** CONV_MESSAGE to {@code buddyName} (a comet user id) with the XMPP stanza id or "". */
    public void send(String buddyName, String text, String xmppId) {
        long to = LegacyName.idOrNone(buddyName);
        if (to < 0) {
            session.notice("message to \"" + buddyName + "\" not sent: not a comet user id");
            return;
        }
        sendTo(to, buddyName, text, xmppId, "message to " + to);
    }

    /**
     * Sends a text body to user {@code to}; acknowledges {@code xmppId} (to {@code ackBuddy}) once
     * comet accepted it, tells the user when it did not.
     */
    public void sendTo(long to, String ackBuddy, String text, String xmppId, String what) {
        String id = xmppId.isEmpty() ? nextId() : xmppId;
        CometBody body = CometBody.text(Long.toString(session.userId()), nick(), text, id, session.now().toEpochMilli());
        String tooLarge = BodyLimit.problem(body, session.settings().maxBodyBytes());
        if (tooLarge != null) {
            session.notice(what + " not sent: " + tooLarge);
            return;
        }
        session.outbox().enqueue(() -> session.network().sendPrivate(to, body.kind().event(), body))
                .whenComplete((ok, error) -> {
                    if (error != null) {
                        session.notice(what + " not delivered: " + Failures.reason(error));
                    } else {
                        LOG.debug("user {} (comet {}): {} accepted by comet", session.jid(), session.userId(), what);
                        if (!xmppId.isEmpty() && session.isLive()) {
                            session.main().messageAck(session.jid(), ackBuddy, xmppId);
                        }
                    }
                });
    }

    /** Typing / paused / stopped / attention to {@code buddyName}, only if that user is online now. */
    public void notify(String buddyName, CometBody.Kind kind, String text) {
        long to = LegacyName.idOrNone(buddyName);
        if (to < 0) {
            LOG.debug("user {} (comet {}): {} to non-id \"{}\" dropped", session.jid(), session.userId(), kind, buddyName);
            return;
        }
        CometBody base = CometBody.notice(kind, Long.toString(session.userId()), nick(), session.now().toEpochMilli());
        CometBody body = text.isEmpty() ? base
                : new CometBody(kind, base.from(), base.nick(), text, null, base.ts(), null);
        session.outbox().enqueue(() -> isOnline(to).thenCompose(online -> {
            if (!online) {
                LOG.debug("user {} (comet {}): {} to {} dropped: offline", session.jid(), session.userId(), kind, to);
                return CompletableFuture.completedFuture(null);
            }
            return session.network().sendPrivate(to, kind.event(), body);
        })).whenComplete((ok, error) -> {
            if (error != null) {
                LOG.debug("user {} (comet {}): {} to {} failed: {}", session.jid(), session.userId(), kind, to,
                        Failures.reason(error));
            }
        });
    }

    private CompletableFuture<Boolean> isOnline(long id) {
        Boolean known = session.roster().knownOnline(id);
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        return session.network().lastOnline(List.of(id)).thenApply(times -> Long.valueOf(0).equals(times.get(id)));
    }

    /** A private message that arrived on the user's socket. */
    public void inbound(CometMessage message) {
        CometBody body = CometBodyCodec.decode(message.data());
        long from = LegacyName.idOrNone(body.from());
        String buddy = from > 0 ? Long.toString(from)
                : message.senderId() > 0 ? Long.toString(message.senderId()) : PSEUDO_BUDDY;
        String jid = session.jid();
        if (body.kind() != CometBody.Kind.RECEIPT && body.kind() != CometBody.Kind.SUBJECT
                && body.kind() != CometBody.Kind.OTHER) {
            session.meters().fromComet(MessageKind.ofPrivate(body.kind()));
        }
        switch (body.kind()) {
            case TEXT -> {
                String text = body.text().isEmpty() && body.from() == null ? message.data() : body.text();
                Instant stamp = MessageTime.stamp(body, message, session.now());
                LOG.debug("user {} (comet {}): private message from {}", jid, session.userId(), buddy);
                session.main().message(jid, ChatMessage.builder(buddy, text).timestamp(stamp).build());
            }
            case TYPING -> session.main().typing(jid, buddy);
            case PAUSED -> session.main().typed(jid, buddy);
            case STOPPED -> session.main().stoppedTyping(jid, buddy);
            case ATTENTION -> session.main().attention(jid, buddy, body.text());
            default -> LOG.debug("user {} (comet {}): private {} from {} ignored", jid, session.userId(),
                    body.kind(), buddy);
        }
    }

    private String nextId() {
        return "sc" + session.userId() + "-" + session.now().toEpochMilli() + "-" + (++sent);
    }

    /**
     * The name a web page shows for this XMPP user: the local part of their JID ({@code alice} of
     * {@code alice@example.org}), as in a room, where the nick is theirs to choose.
     */
    private String nick() {
        String jid = session.jid();
        int at = jid.indexOf('@');
        return at > 0 ? jid.substring(0, at) : jid;
    }
}

package org.spectrumcomet.backend.dispatch;

import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectrumcomet.backend.Handlers;
import org.spectrumcomet.backend.handler.SessionHandler;
import org.spectrumcomet.backend.outbound.ConnectionError;
import org.spectrumcomet.backend.outbound.LoginLedger;
import org.spectrumcomet.backend.outbound.MainInstance;
import org.spectrumcomet.protocol.RawXml;
import org.spectrumcomet.protocol.SpectrumMessage;
import org.spectrumcomet.protocol.pb.Protocol;

/**
 * The work each inbound type becomes: a call to its handler, the library's default answer, or
 * nothing (null, with a debug log) for types a backend may ignore.
 */
final class FrameRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(FrameRoutes.class);

    static final String LOGIN_FAILED = "internal error in the backend, please reconnect";

    private final Handlers h;
    private final DefaultAnswers defaults;
    private final LoginLedger ledger;
    private final MainInstance main;

    FrameRoutes(Handlers handlers, DefaultAnswers defaults, LoginLedger ledger, MainInstance main) {
        this.h = handlers;
        this.defaults = defaults;
        this.ledger = ledger;
        this.main = main;
    }

    /** The work for a frame, or null when there is nothing to do. */
    Runnable route(SpectrumMessage f) {
        return switch (f.type()) {
            case TYPE_LOGIN -> () -> login(f.payload(Protocol.Login.class));
            case TYPE_LOGOUT -> () -> {
                Protocol.Logout logout = f.payload(Protocol.Logout.class);
                ledger.loggedOut(logout.getUser());
                h.session().ifPresent(s -> s.logout(logout));
            };
            case TYPE_STATUS_CHANGED -> call(h.session(), f, s -> s.statusChanged(f.payload(Protocol.Status.class)));
            case TYPE_CONV_MESSAGE -> call(h.messages(), f, m -> m.message(conv(f)));
            case TYPE_BUDDY_TYPING -> call(h.messages(), f, m -> m.typing(buddy(f)));
            case TYPE_BUDDY_TYPED -> call(h.messages(), f, m -> m.typed(buddy(f)));
            case TYPE_BUDDY_STOPPED_TYPING -> call(h.messages(), f, m -> m.stoppedTyping(buddy(f)));
            case TYPE_ATTENTION -> call(h.messages(), f, m -> m.attention(conv(f)));
            case TYPE_JOIN_ROOM -> h.rooms().<Runnable>map(r -> () -> r.joinRoom(room(f)))
                    .orElse(() -> defaults.refuseRoom(room(f)));
            case TYPE_LEAVE_ROOM -> call(h.rooms(), f, r -> r.leaveRoom(room(f)));
            case TYPE_ROOM_SUBJECT_CHANGED -> call(h.rooms(), f, r -> r.subjectChanged(conv(f)));
            case TYPE_BUDDY_CHANGED -> call(h.buddies(), f, b -> b.buddyChanged(buddy(f)));
            case TYPE_BUDDY_REMOVED -> call(h.buddies(), f, b -> b.buddyRemoved(buddy(f)));
            case TYPE_BUDDIES -> call(h.buddies(), f, b -> b.buddies(f.payload(Protocol.Buddies.class)));
            case TYPE_VCARD -> vcard(f.payload(Protocol.VCard.class));
            case TYPE_RAW_XML -> call(h.rawXml(), f, r -> r.rawXml(f.payload(RawXml.class).xml()));
            case TYPE_QUERY -> call(h.queries(), f, q -> q.queryAnswer(f.payload(Protocol.BackendConfig.class).getConfig()));
            default -> {
                // API_VERSION (never sent by the main) and backend→main types echoed by a confused peer.
                LOG.debug("ignoring {} from the main instance", f.type());
                yield null;
            }
        };
    }

    private void login(Protocol.Login login) {
        String user = login.getUser();
        ledger.loginReceived(user);
        Optional<SessionHandler> session = h.session();
        if (session.isEmpty()) {
            defaults.refuseLogin(login);
            return;
        }
        try {
            session.get().login(login);
        } catch (RuntimeException e) {
            if (ledger.isAwaitingAnswer(user)) {
                LOG.error("user {}: LOGIN handler failed before answering; sending DISCONNECTED(OTHER_ERROR)", user, e);
                main.disconnected(user, ConnectionError.OTHER_ERROR, LOGIN_FAILED);
                return;
            }
            throw e;
        }
    }

    private Runnable vcard(Protocol.VCard vcard) {
        // Spectrum's own libraries tell an own-vCard update by the presence of photo, not by id.
        if (vcard.hasPhoto()) {
            return call(h.vcards(), "VCARD(own)", vcard.getUserName(), v -> v.ownVCardUpdated(vcard));
        }
        return h.vcards().<Runnable>map(v -> () -> v.vcardRequested(vcard)).orElse(() -> defaults.emptyVCard(vcard));
    }

    private static <H> Runnable call(Optional<H> handler, SpectrumMessage f, Consumer<H> action) {
        if (handler.isEmpty()) {
            // the user is looked up only for the log line, not for every frame
            LOG.debug("user {}: no handler for {}, ignored", InboundDispatcher.userOf(f), f.type());
            return null;
        }
        H target = handler.get();
        return () -> action.accept(target);
    }

    private static <H> Runnable call(Optional<H> handler, String what, String user, Consumer<H> action) {
        if (handler.isEmpty()) {
            LOG.debug("user {}: no handler for {}, ignored", user, what);
            return null;
        }
        H target = handler.get();
        return () -> action.accept(target);
    }

    private static Protocol.ConversationMessage conv(SpectrumMessage f) {
        return f.payload(Protocol.ConversationMessage.class);
    }

    private static Protocol.Buddy buddy(SpectrumMessage f) {
        return f.payload(Protocol.Buddy.class);
    }

    private static Protocol.Room room(SpectrumMessage f) {
        return f.payload(Protocol.Room.class);
    }
}

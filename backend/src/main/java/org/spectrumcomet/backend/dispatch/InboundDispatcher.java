package org.spectrumcomet.backend.dispatch;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectrumcomet.backend.Handlers;
import org.spectrumcomet.backend.outbound.ConnectionError;
import org.spectrumcomet.backend.outbound.LoginLedger;
import org.spectrumcomet.backend.outbound.MainInstance;
import org.spectrumcomet.protocol.RawXml;
import org.spectrumcomet.protocol.SpectrumMessage;
import org.spectrumcomet.protocol.pb.Protocol;

/**
 * Routes every main→backend frame to its handler on the user's serial queue (called on the event
 * loop; only queues). Frames that name no user (RAW_XML, QUERY answers, an empty BUDDIES) share the
 * queue of user "". What happens without a handler is done by {@link DefaultAnswers}.
 *
 * <p>When a user's backlog is full the frame is dropped with an error log. Requests the main (or
 * the user's client) waits on are answered at once, from the event loop: a dropped LOGIN with
 * DISCONNECTED(OTHER_ERROR, "backend overloaded") (the main retries up to three times, then tells
 * the user), a dropped JOIN_ROOM with the own nick and ROOM_NOT_FOUND saying the backend is
 * overloaded (the main answers the join with an error and sends LEAVE_ROOM), a dropped vCard request
 * with an empty vCard carrying its id. Everything else dropped (messages, presence, typing) has no
 * answer in the protocol and is only logged.
 */
public final class InboundDispatcher implements Consumer<SpectrumMessage> {

    private static final Logger LOG = LoggerFactory.getLogger(InboundDispatcher.class);

    static final String OVERLOADED = "backend overloaded, please retry";

    private final UserQueues queues;
    private final FrameRoutes routes;
    private final LoginLedger ledger;
    private final MainInstance main;
    private final DefaultAnswers defaults;

    public InboundDispatcher(Handlers handlers, MainInstance main, LoginLedger ledger, UserQueues queues) {
        this.queues = queues;
        this.ledger = ledger;
        this.main = main;
        this.defaults = new DefaultAnswers(main);
        this.routes = new FrameRoutes(handlers, defaults, ledger, main);
    }

    @Override
    public void accept(SpectrumMessage frame) {
        String user = userOf(frame);
        Runnable work = routes.route(frame);
        if (work == null) {
            return;
        }
        String label = FrameLabels.of(frame.type());
        if (!queues.submit(user, label, work)) {
            LOG.error("user {}: backlog full ({} frames waiting), dropping {}", user, queues.waiting(user), label);
            answerDropped(frame, user);
        }
    }

    private void answerDropped(SpectrumMessage frame, String user) {
        switch (frame.type()) {
            case TYPE_LOGIN -> {
                ledger.loginReceived(user);
                main.disconnected(user, ConnectionError.OTHER_ERROR, OVERLOADED);
            }
            case TYPE_JOIN_ROOM -> defaults.refuseRoom(frame.payload(Protocol.Room.class), OVERLOADED);
            case TYPE_VCARD -> {
                Protocol.VCard vcard = frame.payload(Protocol.VCard.class);
                if (!vcard.hasPhoto()) { // a request, not the user's own vCard update
                    defaults.emptyVCard(vcard);
                }
            }
            default -> {
                // no answer exists in the protocol: the error log above is all
            }
        }
    }

    /** The user a frame belongs to, "" when it names none. */
    static String userOf(SpectrumMessage frame) {
        Object p = frame.payload();
        if (p instanceof Protocol.Login m) {
            return m.getUser();
        } else if (p instanceof Protocol.Logout m) {
            return m.getUser();
        } else if (p instanceof Protocol.Status m) {
            return m.getUserName();
        } else if (p instanceof Protocol.ConversationMessage m) {
            return m.getUserName();
        } else if (p instanceof Protocol.Buddy m) {
            return m.getUserName();
        } else if (p instanceof Protocol.Room m) {
            return m.getUserName();
        } else if (p instanceof Protocol.VCard m) {
            return m.getUserName();
        } else if (p instanceof Protocol.Buddies m) {
            return m.getBuddyCount() == 0 ? "" : m.getBuddy(0).getUserName();
        } else if (p instanceof RawXml || p instanceof Protocol.BackendConfig) {
            return "";
        }
        return "";
    }
}

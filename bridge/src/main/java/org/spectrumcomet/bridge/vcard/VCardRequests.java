package org.spectrumcomet.bridge.vcard;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectrumcomet.backend.handler.VCardHandler;
import org.spectrumcomet.backend.outbound.MainInstance;
import org.spectrumcomet.backend.outbound.VCardContent;
import org.spectrumcomet.bridge.session.LegacyName;
import org.spectrumcomet.bridge.session.Sessions;
import org.spectrumcomet.bridge.session.UserSession;
import org.spectrumcomet.protocol.pb.Protocol;

/**
 * vCard requests, answered at once from what the session knows (comet has no profiles): for a
 * buddy its id and roster name, for a room occupant ({@code "room/nick"}) the nick shown in the
 * room and, as full name, {@code "comet user <id>"}. Anything unknown gets an empty vCard. The
 * request's id is always echoed (the main drops answers with unknown ids).
 */
public final class VCardRequests implements VCardHandler {

    private static final Logger LOG = LoggerFactory.getLogger(VCardRequests.class);

    private final Sessions sessions;
    private final MainInstance main;

    public VCardRequests(Sessions sessions, MainInstance main) {
        this.sessions = sessions;
        this.main = main;
    }

    @Override
    public void vcardRequested(Protocol.VCard request) {
        String jid = request.getUserName();
        String buddy = request.getBuddyName();
        int id = request.getId();
        sessions.find(jid).ifPresentOrElse(s -> s.execute(() -> s.main().vcard(jid, buddy, id, content(s, buddy))),
                () -> main.vcard(jid, buddy, id, VCardContent.empty()));
    }

    private static VCardContent content(UserSession s, String buddy) {
        int slash = buddy.lastIndexOf('/');
        if (slash > 0 && s.rooms().isPrivateAddress(buddy)) {
            String room = buddy.substring(0, slash);
            String nick = buddy.substring(slash + 1);
            long occupant = s.rooms().occupantId(room, nick);
            return new VCardContent(occupant > 0 ? "comet user " + occupant : nick, nick, null);
        }
        long userId = LegacyName.idOrNone(buddy);
        if (userId < 0) {
            LOG.debug("user {} (comet {}): vCard of non-id \"{}\": empty", s.jid(), s.userId(), buddy);
            return VCardContent.empty();
        }
        String name = s.roster().nameOf(userId);
        return new VCardContent("comet user " + userId, name != null ? name : Long.toString(userId), null);
    }
}

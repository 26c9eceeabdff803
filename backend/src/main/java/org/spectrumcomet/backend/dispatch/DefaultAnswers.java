package org.spectrumcomet.backend.dispatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectrumcomet.backend.outbound.ConnectionError;
import org.spectrumcomet.backend.outbound.MainInstance;
import org.spectrumcomet.backend.outbound.ParticipantFlag;
import org.spectrumcomet.backend.outbound.ParticipantState;
import org.spectrumcomet.backend.outbound.PresenceStatus;
import org.spectrumcomet.backend.outbound.VCardContent;
import org.spectrumcomet.protocol.pb.Protocol;

/**
 * What the library answers when a backend has no handler for a frame the main waits on:
 * LOGIN (refused for good), JOIN_ROOM (room not found) and VCARD requests (an empty vCard).
 */
final class DefaultAnswers {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultAnswers.class);

    static final String NO_LOGIN = "this backend cannot log users in";
    static final String NO_ROOMS = "rooms are not supported by this backend";

    private final MainInstance main;

    DefaultAnswers(MainInstance main) {
        this.main = main;
    }

    /** AUTHENTICATION_IMPOSSIBLE is final: the main does not retry a login that can never work. */
    void refuseLogin(Protocol.Login login) {
        LOG.error("user {}: LOGIN but this backend has no SessionHandler; refusing", login.getUser());
        main.disconnected(login.getUser(), ConnectionError.AUTHENTICATION_IMPOSSIBLE, NO_LOGIN);
    }

    /** The own nick with ROOM_NOT_FOUND: the main answers item-not-found and sends LEAVE_ROOM. */
    void refuseRoom(Protocol.Room room) {
        LOG.debug("user {}: JOIN_ROOM {} without RoomHandler; answering room-not-found", room.getUserName(), room.getRoom());
        refuseRoom(room, NO_ROOMS);
    }

    /** The own nick with ROOM_NOT_FOUND and {@code why} as its status message. */
    void refuseRoom(Protocol.Room room, String why) {
        main.participantChanged(room.getUserName(), ParticipantState.builder(room.getRoom(), room.getNickname())
                .flag(ParticipantFlag.ROOM_NOT_FOUND)
                .status(PresenceStatus.NONE)
                .statusMessage(why)
                .build());
    }

    /** Same user, buddy and id, nothing else: better than letting the client wait 40–60 s. */
    void emptyVCard(Protocol.VCard request) {
        main.vcard(request.getUserName(), request.getBuddyName(), request.getId(), VCardContent.empty());
    }
}

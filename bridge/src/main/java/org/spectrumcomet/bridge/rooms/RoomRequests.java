package org.spectrumcomet.bridge.rooms;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectrumcomet.backend.handler.RoomHandler;
import org.spectrumcomet.backend.outbound.ParticipantFlag;
import org.spectrumcomet.backend.outbound.ParticipantState;
import org.spectrumcomet.backend.outbound.MainInstance;
import org.spectrumcomet.bridge.session.Sessions;
import org.spectrumcomet.protocol.pb.Protocol;

/** JOIN_ROOM / LEAVE_ROOM from the main, handed to the user's {@link RoomSet}. */
public final class RoomRequests implements RoomHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RoomRequests.class);

    private final Sessions sessions;
    private final MainInstance main;

    public RoomRequests(Sessions sessions, MainInstance main) {
        this.sessions = sessions;
        this.main = main;
    }

    @Override
    public void joinRoom(Protocol.Room room) {
        sessions.find(room.getUserName()).ifPresentOrElse(s -> s.execute(() -> s.rooms().join(room)), () -> {
            // The main only forwards joins after CONNECTED; without a session the join cannot succeed.
            LOG.warn("user {}: JOIN_ROOM {} without a session", room.getUserName(), room.getRoom());
            main.participantChanged(room.getUserName(), ParticipantState.builder(room.getRoom(), room.getNickname())
                    .flag(ParticipantFlag.NOT_AUTHORIZED).statusMessage("not connected to comet").build());
        });
    }

    @Override
    public void subjectChanged(Protocol.ConversationMessage subject) {
        sessions.find(subject.getUserName()).ifPresent(s -> s.execute(
                () -> s.rooms().setSubject(subject.getBuddyName(), subject.getMessage())));
    }

    @Override
    public void leaveRoom(Protocol.Room room) {
        sessions.find(room.getUserName()).ifPresent(s -> s.execute(() -> s.rooms().leave(room.getRoom())));
    }
}

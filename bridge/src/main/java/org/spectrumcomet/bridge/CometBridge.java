package org.spectrumcomet.bridge;

import org.spectrumcomet.backend.Handlers;
import org.spectrumcomet.bridge.chat.MessageRequests;
import org.spectrumcomet.bridge.presence.RosterRequests;
import org.spectrumcomet.bridge.rooms.RoomRequests;
import org.spectrumcomet.bridge.session.SessionServices;
import org.spectrumcomet.bridge.session.Sessions;
import org.spectrumcomet.bridge.vcard.VCardRequests;

/**
 * The bridge's handlers for the backend library, all on one {@link Sessions} registry: sessions,
 * messages, rooms, roster and vCards. {@code onExit} closes every session and then runs
 * {@code shutdown} (the comet client's resources).
 */
public final class CometBridge {

    private CometBridge() {
    }

    /** The handlers over {@code services}; {@code sessions} receives the registry (for tests and shutdown). */
    public static Handlers handlers(SessionServices services, Sessions sessions, Runnable shutdown) {
        return Handlers.builder()
                .session(sessions)
                .messages(new MessageRequests(sessions))
                .rooms(new RoomRequests(sessions, services.main()))
                .buddies(new RosterRequests(sessions))
                .vcards(new VCardRequests(sessions, services.main()))
                .onExit(() -> {
                    sessions.closeAll();
                    shutdown.run();
                })
                .build();
    }
}

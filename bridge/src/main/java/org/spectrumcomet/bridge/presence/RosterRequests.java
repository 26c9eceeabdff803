package org.spectrumcomet.bridge.presence;

import org.spectrumcomet.backend.handler.BuddyHandler;
import org.spectrumcomet.bridge.session.Sessions;
import org.spectrumcomet.protocol.pb.Protocol;

/** BUDDIES / BUDDY_CHANGED / BUDDY_REMOVED from the main, handed to the user's {@link BuddyRoster}. */
public final class RosterRequests implements BuddyHandler {

    private final Sessions sessions;

    public RosterRequests(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void buddyChanged(Protocol.Buddy buddy) {
        sessions.find(buddy.getUserName()).ifPresent(s -> s.execute(() -> s.roster().track(buddy.getBuddyName(), buddy.getAlias())));
    }

    @Override
    public void buddyRemoved(Protocol.Buddy buddy) {
        sessions.find(buddy.getUserName()).ifPresent(s -> s.execute(() -> s.roster().untrack(buddy.getBuddyName())));
    }

    @Override
    public void buddies(Protocol.Buddies buddies) {
        for (Protocol.Buddy b : buddies.getBuddyList()) {
            buddyChanged(b);
        }
    }
}

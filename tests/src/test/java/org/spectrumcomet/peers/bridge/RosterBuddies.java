package org.spectrumcomet.peers.bridge;

import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jxmpp.jid.EntityBareJid;
import org.spectrumcomet.peers.Deadline;

/**
 * Puts a comet user into a Smack user's roster through Spectrum 2: a roster set plus a subscription
 * request, which Spectrum turns into a buddy update for the backend (the bridge then tracks the id).
 *
 * <p>Spectrum quirk: its roster push comes {@code from='localhost'} (the domain), and Smack 4.4
 * ignores (answers service-unavailable to) any push not from the user's own bare JID, as RFC 6121
 * §2.1.6 asks. So the entry is read back with a roster reload, which Spectrum answers from its
 * database.
 */
final class RosterBuddies {

    private RosterBuddies() {
    }

    /** Adds {@code buddy} as {@code name} and waits until the roster holds it. */
    static void add(XMPPTCPConnection connection, EntityBareJid buddy, String name) throws Exception {
        Roster roster = Roster.getInstanceFor(connection);
        Deadline.await("the roster arrived", roster::isLoaded);
        roster.createItemAndRequestSubscription(buddy, name, null);
        roster.reloadAndWait();
        Deadline.await(buddy + " in the roster", () -> roster.getEntry(buddy) != null);
    }
}

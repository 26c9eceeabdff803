package org.spectrumcomet.peers.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.EntityBareJid;
import org.spectrumcomet.conformance.comet.WebFrame;
import org.spectrumcomet.conformance.comet.WebUser;
import org.spectrumcomet.peers.Deadline;
import org.spectrumcomet.peers.SmackClients;

/**
 * Presence of comet users in a Smack user's roster. A buddy enters the roster the XMPP way: Smack
 * adds the item and asks for subscription; Spectrum turns the roster change into a buddy update
 * for the backend, and the bridge then tracks that comet id (users_time, and the live
 * {@code user_status_<id>} pipe). The other way, the Smack user's own presence is published to
 * its {@code user_status_<id>} pipe for web pages.
 */
@Tag("peers")
class CometRosterIT {

    private static final Duration WAIT = Duration.ofMillis(SmackClients.REPLY_TIMEOUT_MS);

    @RegisterExtension
    static final BridgeChainFixture CHAIN = BridgeChainFixture.create();

    @Test
    void aBuddyShowsAvailableWhileConnectedOnTheWebAndUnavailableAfter() throws Exception {
        XMPPTCPConnection smack = CHAIN.login(401);
        Roster roster = Roster.getInstanceFor(smack);
        EntityBareJid buddy = CHAIN.jid(402);

        RosterBuddies.add(smack, buddy, "Web Friend");
        Deadline.await("the bridge watches user_status_402",
                () -> new PipeQueries(CHAIN.comet().target()).subscribers("user_status_402").contains(401L));
        assertThat(roster.getPresence(buddy).isAvailable()).as("402 never connected").isFalse();

        WebUser web = CHAIN.comet().web(402);
        Deadline.await("402 available", () -> roster.getPresence(buddy).isAvailable());
        assertThat(CHAIN.comet().cometql().lastOnline(402)).as("users_time of 402 while connected").isZero();
        assertThat(roster.getEntry(buddy).getName()).isEqualTo("Web Friend");

        web.close();
        Deadline.await("402 unavailable", () -> !roster.getPresence(buddy).isAvailable());
        assertThat(CHAIN.comet().cometql().lastOnline(402)).as("users_time of 402 after it left").isPositive();
        assertThat(roster.getPresence(buddy).getStatus()).as("the bridge's status text").startsWith("last seen ");
    }

    @Test
    void atTheNextLoginTheRosterArrivesWithEachBuddysCometPresence() throws Exception {
        XMPPTCPConnection first = CHAIN.login(421);
        RosterBuddies.add(first, CHAIN.jid(422), "Online Friend");
        RosterBuddies.add(first, CHAIN.jid(423), "Offline Friend");
        first.disconnect();
        CHAIN.comet().web(422);

        XMPPTCPConnection again = CHAIN.login(421);
        Roster roster = Roster.getInstanceFor(again);
        Deadline.await("roster with 422 available and 423", () -> roster.isLoaded()
                && roster.getEntry(CHAIN.jid(423)) != null && roster.getPresence(CHAIN.jid(422)).isAvailable());

        assertThat(roster.getEntry(CHAIN.jid(422)).getName()).isEqualTo("Online Friend");
        assertThat(roster.getEntry(CHAIN.jid(423)).getName()).isEqualTo("Offline Friend");
        assertThat(roster.getPresence(CHAIN.jid(423)).isAvailable()).as("423 never connected").isFalse();
        // Comet's side: the bridge watches both buddies again for the new session.
        Deadline.await("user_status_422 and _423 watched by 421", () -> {
            PipeQueries pipes = new PipeQueries(CHAIN.comet().target());
            return pipes.subscribers("user_status_422").contains(421L) && pipes.subscribers("user_status_423").contains(421L);
        });
        assertThat(CHAIN.comet().cometql().lastOnline(422)).isZero();
        assertThat(CHAIN.comet().cometql().lastOnline(423)).isEqualTo(-1);
    }

    @Test
    void theSmackUsersOwnPresenceIsPublishedToItsStatusPipe() throws Exception {
        WebUser watcher = CHAIN.comet().web(412);
        watcher.subscribe("user_status_411");
        XMPPTCPConnection smack = CHAIN.login(411);

        long mark = watcher.mark();
        smack.sendStanza(smack.getStanzaFactory().buildPresenceStanza()
                .ofType(Presence.Type.available).setMode(Presence.Mode.away).setStatus("out for lunch").build());

        WebFrame away = watcher.await(mark, f -> f.pipe().equals("user_status_411") && f.event().equals("status_away"), WAIT)
                .orElseThrow(() -> new AssertionError("no status_away on user_status_411: " + watcher.frames(mark, f -> true)));
        assertThat(away.body().text()).isEqualTo("out for lunch");
    }
}

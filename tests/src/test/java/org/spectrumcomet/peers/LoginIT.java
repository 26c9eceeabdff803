package org.spectrumcomet.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.chat2.ChatManager;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smack.roster.RosterGroup;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.EntityBareJid;
import org.spectrumcomet.echo.EchoRules;

/**
 * Logging in through the real Spectrum 2 to the echo backend: the backend's answer to LOGIN decides
 * the SASL outcome, and its fixed roster ({@link EchoRules#ROSTER}) reaches the client.
 */
@Tag("peers")
class LoginIT {

    /** Smack never sees the (malformed) SASL failure: it waits this long, see {@link RawSaslLogin}. */
    private static final long SASL_FAILURE_WAIT_MS = 2_000;

    @RegisterExtension
    static final SpectrumServerFixture SPECTRUM = SpectrumServerFixture.with(PeerBackend::echo);

    @Test
    void loginSucceedsAndTheFixedRosterArrivesWithPresence() throws Exception {
        XMPPTCPConnection dave = SPECTRUM.clients().login("dave", "pw");
        assertThat(dave.isAuthenticated()).isTrue();
        Roster roster = Roster.getInstanceFor(dave);
        EntityBareJid alice = SPECTRUM.clients().jid("alice");
        EntityBareJid bob = SPECTRUM.clients().jid("bob");
        EntityBareJid carol = SPECTRUM.clients().jid("carol");

        Deadline.await("roster with alice, bob and carol and their presence", () -> roster.getEntry(alice) != null
                && roster.getEntry(bob) != null && roster.getEntry(carol) != null
                && roster.getPresence(alice).isAvailable() && roster.getPresence(bob).isAvailable());

        RosterEntry aliceEntry = roster.getEntry(alice);
        assertThat(aliceEntry.getName()).isEqualTo("Alice Echo");
        assertThat(aliceEntry.getGroups()).extracting(RosterGroup::getName).containsExactly("Echo");
        assertThat(roster.getEntry(bob).getName()).isEqualTo("Bob Echo");
        assertThat(roster.getEntry(carol).getGroups()).extracting(RosterGroup::getName).containsExactly("Friends");

        assertThat(roster.getPresence(alice).getMode()).isEqualTo(Presence.Mode.available);
        Presence bobPresence = roster.getPresence(bob);
        assertThat(bobPresence.getMode()).isEqualTo(Presence.Mode.away);
        assertThat(bobPresence.getStatus()).isEqualTo("gone fishing");
        assertThat(roster.getPresence(carol).isAvailable()).as("carol is offline (STATUS_NONE)").isFalse();
    }

    @Test
    void wrongPasswordFailsWithSaslFailureWhileAnotherUserKeepsChatting() throws Exception {
        XMPPTCPConnection erin = SPECTRUM.clients().login("erin", "pw");
        EntityBareJid buddy = SPECTRUM.clients().jid("buddy");

        XMPPTCPConnection frank = SPECTRUM.clients().connect("frank", EchoRules.BAD_PASSWORD);
        // Spectrum closes the stream right after its SASL failure; Smack only notices the close.
        CompletableFuture<Exception> closedOnError = new CompletableFuture<>();
        frank.addConnectionListener(new ConnectionListener() {
            @Override
            public void connectionClosedOnError(Exception e) {
                closedOnError.complete(e);
            }
        });
        frank.setReplyTimeout(SASL_FAILURE_WAIT_MS);
        assertThatThrownBy(frank::login).isInstanceOf(SmackException.class);
        assertThat(closedOnError).succeedsWithin(Duration.ofMillis(SmackClients.REPLY_TIMEOUT_MS));
        assertThat(frank.isAuthenticated()).isFalse();

        assertThat(erin.isAuthenticated()).isTrue();
        try (ContactInbox inbox = new ContactInbox(erin, buddy)) {
            ChatManager.getInstanceFor(erin).chatWith(buddy).send("still here after frank failed");
            assertThat(inbox.nextWithBody().getBody()).isEqualTo("still here after frank failed");
        }
    }

    @Test
    void wrongPasswordIsAnsweredWithSaslFailureAndTheBackendsReason() throws Exception {
        String answer = RawSaslLogin.answer(SPECTRUM.xmppPort(), SpectrumServerFixture.DOMAIN, "grace", EchoRules.BAD_PASSWORD);

        assertThat(answer).as("the literal SASL answer")
                .contains("<failure xmlns=\"urn:ietf:params:xml:ns:xmpp-sasl\"")
                .contains("wrong password for grace")
                .doesNotContain("<success");
    }
}

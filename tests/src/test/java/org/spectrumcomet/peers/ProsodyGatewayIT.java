package org.spectrumcomet.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.FromMatchesFilter;
import org.jivesoftware.smack.filter.PresenceTypeFilter;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.iqregister.packet.Registration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.spectrumcomet.conformance.comet.WebBody;
import org.spectrumcomet.conformance.comet.WebFrame;
import org.spectrumcomet.conformance.comet.WebUser;

/**
 * The usual deployment: Smack users of a real Prosody reach comet through the real Spectrum 2 as
 * Prosody's component {@value ProsodyGatewayFixture#TRANSPORT}, which runs our bridge against our
 * comet server. A user registers with the transport (XEP-0077: user name = comet user id,
 * password = comet key), comes online through it, and chats with a web user.
 */
@Tag("peers")
class ProsodyGatewayIT {

    @RegisterExtension
    static final ProsodyGatewayFixture GATEWAY = ProsodyGatewayFixture.withAccounts(Map.of("alice", "alice-pw"));

    private static final Duration REPLY = Duration.ofMillis(SmackClients.REPLY_TIMEOUT_MS);

    @Test
    void registeredUserComesOnlineThroughTheTransportAndChatsBothWaysWithAWebUser() throws Exception {
        long aliceId = 1001;
        long webId = 2002;
        GATEWAY.cometql().setKey(aliceId, ProsodyGatewayFixture.keyOf(aliceId));
        WebUser web = GATEWAY.web(webId);
        DomainBareJid transport = JidCreate.domainBareFrom(ProsodyGatewayFixture.TRANSPORT);
        EntityBareJid webContact = JidCreate.entityBareFrom(webId + "@" + ProsodyGatewayFixture.TRANSPORT);

        XMPPTCPConnection alice = GATEWAY.clients().connect("alice", "alice-pw");
        // The transport asks to see the user's presence after registration; a client accepts that.
        Roster.getInstanceFor(alice).setSubscriptionMode(Roster.SubscriptionMode.accept_all);
        alice.login();

        Registration register = new Registration(Map.of("username", Long.toString(aliceId),
                "password", ProsodyGatewayFixture.keyOf(aliceId)));
        register.setType(IQ.Type.set);
        register.setTo(transport);
        IQ registered = alice.createStanzaCollectorAndSend(register).nextResultOrThrow();
        assertThat(registered.getType()).isEqualTo(IQ.Type.result);

        // The subscription exchange first: Prosody answers the transport's subscribe with an unavailable
        // presence of alice's bare JID, which Spectrum takes as "last client gone" and logs her out.
        Roster roster = Roster.getInstanceFor(alice);
        Deadline.await("the transport may see alice's presence (roster subscription 'from')", () -> {
            RosterEntry entry = roster.getEntry(transport);
            return entry != null && entry.canSeeMyPresence();
        });
        Presence transportPresence = comeOnline(alice, transport);
        assertThat(transportPresence).as("available presence of the transport once the bridge said CONNECTED"
                + LogTails.of(GATEWAY.spectrum().dir())).isNotNull();
        // comet's side: the bridge holds user 1001's socket, so comet counts the user as online.
        Deadline.await("comet sees user " + aliceId + " online", () -> lastOnline(aliceId) == 0);

        String toWeb = "He said \"hi\" & <b>left</b> 'quotes' \u00e9t\u00e9 \uD83D\uDE00\n2nd line";
        long mark = web.mark();
        alice.sendStanza(alice.getStanzaFactory().buildMessageStanza().to(webContact).ofType(Message.Type.chat)
                .setBody(toWeb).build());
        WebFrame received = web.await(mark, f -> f.isPrivate() && f.event().equals("message"), REPLY)
                .orElseThrow(() -> new AssertionError("web user " + webId + " got no private message"));
        assertThat(received.body().text()).isEqualTo(toWeb);
        assertThat(received.body().from()).isEqualTo(Long.toString(aliceId));

        String toXmpp = "back at you: \"ok\" & <i>fine</i> \uD83D\uDC4D\uD83C\uDFFD";
        try (ContactInbox inbox = new ContactInbox(alice, webContact)) {
            GATEWAY.cometql().sendPrivate(aliceId, "message", WebBody.text(webId, toXmpp, "w1"));
            Message fromWeb = inbox.nextWithBody();
            assertThat(fromWeb.getBody()).isEqualTo(toXmpp);
            assertThat(fromWeb.getType()).isEqualTo(Message.Type.chat);
            assertThat(fromWeb.getTo().asBareJid().toString()).isEqualTo("alice@" + ProsodyGatewayFixture.HOST);
        }
    }

    /**
     * Sends a directed presence to the transport until its available presence comes back (what a
     * client does by going online again). Spectrum logs a user out 1 ms after an unavailable
     * presence, so an available one racing with that may be lost: three tries, 5 s each.
     */
    private static Presence comeOnline(XMPPTCPConnection user, DomainBareJid transport) throws Exception {
        StanzaCollector online = user.createStanzaCollector(new AndFilter(PresenceTypeFilter.AVAILABLE,
                FromMatchesFilter.createBare(transport)));
        try {
            for (int attempt = 1; attempt <= 3; attempt++) {
                user.sendStanza(user.getStanzaFactory().buildPresenceStanza().to(transport)
                        .ofType(Presence.Type.available).build());
                Presence presence = online.nextResult(5_000);
                if (presence != null) {
                    return presence;
                }
            }
            return null;
        } finally {
            online.cancel();
        }
    }

    private static long lastOnline(long id) {
        try {
            return GATEWAY.cometql().lastOnline(id);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.spectrumcomet.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.FromMatchesFilter;
import org.jivesoftware.smack.filter.PresenceTypeFilter;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.iqregister.packet.Registration;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.receipts.DeliveryReceiptManager;
import org.jivesoftware.smackx.receipts.DeliveryReceiptRequest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
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

    private static final Map<String, String> ACCOUNTS = Map.of("alice", "alice-pw", "bob", "bob-pw", "carol", "carol-pw", "dave", "dave-pw");

    @RegisterExtension
    static final ProsodyGatewayFixture GATEWAY = ProsodyGatewayFixture.withAccounts(ACCOUNTS);

    private static final Duration REPLY = Duration.ofMillis(SmackClients.REPLY_TIMEOUT_MS);

    @Test
    void registeredUserComesOnlineThroughTheTransportAndChatsBothWaysWithAWebUser() throws Exception {
        long aliceId = 1001;
        long webId = 2002;
        WebUser web = GATEWAY.web(webId);
        EntityBareJid webContact = contact(webId);

        XMPPTCPConnection alice = registerAndComeOnline("alice", aliceId);

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

    @Test
    void receiptComesFromTheWebContactForAMessageCometAccepted() throws Exception {
        long bobId = 1003;
        long webId = 2004;
        WebUser web = GATEWAY.web(webId);
        EntityBareJid webContact = contact(webId);
        XMPPTCPConnection bob = registerAndComeOnline("bob", bobId);
        CompletableFuture<String> receipt = new CompletableFuture<>();
        DeliveryReceiptManager.getInstanceFor(bob).addReceiptReceivedListener((from, to, receiptId, stanza) -> {
            if (from.asBareJid().equals(webContact)) {
                receipt.complete(receiptId);
            }
        });

        MessageBuilder message = bob.getStanzaFactory().buildMessageStanza().to(webContact).ofType(Message.Type.chat)
                .setBody("please confirm");
        DeliveryReceiptRequest.addTo(message);
        Message sent = message.build();
        long mark = web.mark();
        bob.sendStanza(sent);

        assertThat(receipt.get(SmackClients.REPLY_TIMEOUT_MS, TimeUnit.MILLISECONDS)).isEqualTo(sent.getStanzaId());
        WebFrame received = web.await(mark, f -> f.isPrivate() && "please confirm".equals(f.body().text()), REPLY)
                .orElseThrow(() -> new AssertionError("web user " + webId + " got no message"));
        assertThat(received.body().from()).isEqualTo(Long.toString(bobId));
    }

    @Test
    void pipeJoinedAsARoomThroughTheTransportCarriesMessagesBothWays() throws Exception {
        long carolId = 1005;
        long webId = 2006;
        String pipe = "web_gateway";
        WebUser web = GATEWAY.web(webId);
        web.subscribe(pipe);
        XMPPTCPConnection carol = registerAndComeOnline("carol", carolId);
        MultiUserChat room = MultiUserChatManager.getInstanceFor(carol).getMultiUserChat(contact(pipe));
        room.join(room.getEnterConfigurationBuilder(Resourcepart.from("carol"))
                .timeoutAfter(SmackClients.REPLY_TIMEOUT_MS).build());
        Deadline.await("occupants: web user " + webId + " and carol herself", () -> room.getOccupants().size() == 2);
        assertThat(room.getOccupants()).extracting(jid -> jid.getResourcepart().toString())
                .containsExactlyInAnyOrder(Long.toString(webId), "carol");

        String text = "room via Prosody \"&<>\" \uD83D\uDE00";
        long mark = web.mark();
        room.sendMessage(text);
        WebFrame seen = web.await(mark, f -> f.pipe().equals(pipe) && text.equals(f.body().text()), REPLY)
                .orElseThrow(() -> new AssertionError("nothing on " + pipe + ": " + web.frames(mark, f -> true)));
        assertThat(seen.body().nick()).isEqualTo("carol");
        assertThat(seen.body().from()).isEqualTo(Long.toString(carolId));

        GATEWAY.cometql().publish(pipe, "message", new WebBody(null, Long.toString(webId), "Webby", "hello carol",
                "r-1", System.currentTimeMillis()));
        Message fromWeb = nextWithBody(room, "hello carol");
        assertThat(fromWeb.getType()).isEqualTo(Message.Type.groupchat);
        assertThat(fromWeb.getFrom().getResourceOrEmpty().toString()).isEqualTo("Webby");
    }

    @Test
    void wrongKeyIsRefusedWithTheBridgesReasonAndTheTransportStaysOffline() throws Exception {
        long daveId = 1007;
        GATEWAY.cometql().setKey(daveId, ProsodyGatewayFixture.keyOf(daveId));
        DomainBareJid transport = JidCreate.domainBareFrom(ProsodyGatewayFixture.TRANSPORT);
        XMPPTCPConnection dave = GATEWAY.clients().connect("dave", ACCOUNTS.get("dave"));
        Roster roster = Roster.getInstanceFor(dave);
        roster.setSubscriptionMode(Roster.SubscriptionMode.accept_all);
        dave.login();
        Registration register = new Registration(Map.of("username", Long.toString(daveId), "password", "wrongkey"));
        register.setType(IQ.Type.set);
        register.setTo(transport);
        dave.createStanzaCollectorAndSend(register).nextResultOrThrow();
        Deadline.await("subscription", () -> {
            RosterEntry entry = roster.getEntry(transport);
            return entry != null && entry.canSeeMyPresence();
        });
        StanzaCollector fromTransport = dave.createStanzaCollector(FromMatchesFilter.createBare(transport));
        try {
            dave.sendStanza(dave.getStanzaFactory().buildPresenceStanza().to(transport).ofType(Presence.Type.available).build());
            List<String> seen = new ArrayList<>();
            Message reason = null;
            long deadline = System.currentTimeMillis() + SmackClients.REPLY_TIMEOUT_MS;
            while (reason == null && System.currentTimeMillis() < deadline) {
                Stanza stanza = fromTransport.nextResult(Math.max(1, deadline - System.currentTimeMillis()));
                if (stanza == null) {
                    break;
                }
                seen.add(stanza.toXML().toString());
                if (stanza instanceof Message m && m.getBody() != null) {
                    reason = m;
                }
            }
            assertThat(reason).as("a message from the transport with the bridge's reason; got " + seen).isNotNull();
            assertThat(reason.getBody()).contains("comet rejected the key of user " + daveId);
            assertThat(seen).as("the transport never came online").noneMatch(x -> x.startsWith("<presence")
                    && !x.contains("type='unavailable'"));
        } finally {
            fromTransport.cancel();
        }
        // comet's side: user 1007 never got a socket.
        assertThat(lastOnline(daveId)).as("users_time of " + daveId + " (-1 = never seen)").isEqualTo(-1);
    }

    private static Message nextWithBody(MultiUserChat room, String body) throws Exception {
        long deadline = System.currentTimeMillis() + SmackClients.REPLY_TIMEOUT_MS;
        for (long left = SmackClients.REPLY_TIMEOUT_MS; left > 0; left = deadline - System.currentTimeMillis()) {
            Message message = room.nextMessage(left);
            if (message != null && body.equals(message.getBody())) {
                return message;
            }
        }
        throw new AssertionError("no room message '" + body + "' in " + room.getRoom());
    }

    private static EntityBareJid contact(Object node) {
        return JidCreate.entityBareFromOrThrowUnchecked(node + "@" + ProsodyGatewayFixture.TRANSPORT);
    }

    /**
     * Prosody account {@code account} logs in, registers with the transport as comet user
     * {@code cometId} (its key {@code key<id>} set over CometQL), accepts the transport's
     * subscription and comes online through it; asserts the transport's available presence and that
     * comet counts the user online (the bridge holds its socket).
     */
    private static XMPPTCPConnection registerAndComeOnline(String account, long cometId) throws Exception {
        GATEWAY.cometql().setKey(cometId, ProsodyGatewayFixture.keyOf(cometId));
        DomainBareJid transport = JidCreate.domainBareFrom(ProsodyGatewayFixture.TRANSPORT);
        XMPPTCPConnection user = GATEWAY.clients().connect(account, ACCOUNTS.get(account));
        // The transport asks to see the user's presence after registration; a client accepts that.
        Roster roster = Roster.getInstanceFor(user);
        roster.setSubscriptionMode(Roster.SubscriptionMode.accept_all);
        user.login();

        Registration register = new Registration(Map.of("username", Long.toString(cometId),
                "password", ProsodyGatewayFixture.keyOf(cometId)));
        register.setType(IQ.Type.set);
        register.setTo(transport);
        IQ registered = user.createStanzaCollectorAndSend(register).nextResultOrThrow();
        assertThat(registered.getType()).isEqualTo(IQ.Type.result);

        // The subscription exchange first: Prosody answers the transport's subscribe with an unavailable
        // presence of the user's bare JID, which Spectrum takes as "last client gone" and logs out.
        Deadline.await("the transport may see " + account + "'s presence (roster subscription 'from')", () -> {
            RosterEntry entry = roster.getEntry(transport);
            return entry != null && entry.canSeeMyPresence();
        });
        Presence transportPresence = comeOnline(user, transport);
        assertThat(transportPresence).as("available presence of the transport once the bridge said CONNECTED"
                + LogTails.of(GATEWAY.spectrum().dir())).isNotNull();
        Deadline.await("comet sees user " + cometId + " online", () -> lastOnline(cometId) == 0);
        return user;
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

package org.spectrumcomet.peers.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.vcardtemp.VCardManager;
import org.jivesoftware.smackx.vcardtemp.packet.VCard;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.spectrumcomet.conformance.comet.WebBody;
import org.spectrumcomet.conformance.comet.WebBodyJson;
import org.spectrumcomet.conformance.comet.WebUser;
import org.spectrumcomet.peers.RoomMessages;
import org.spectrumcomet.peers.Deadline;
import org.spectrumcomet.peers.SmackClients;

/**
 * XEP-0054 vCards of comet users as the bridge answers them (comet keeps no profiles): full name
 * {@code comet user <id>}, nickname = the roster name, the nick the user has in a room, else the id.
 */
@Tag("peers")
class CometVCardIT {

    @RegisterExtension
    static final BridgeChainFixture CHAIN = BridgeChainFixture.create();

    @Test
    void rosterBuddyCarriesItsIdAndRosterName() throws Exception {
        XMPPTCPConnection smack = CHAIN.login(501);
        EntityBareJid buddy = CHAIN.jid(502);
        RosterBuddies.add(smack, buddy, "Web Friend");
        Deadline.await("the bridge tracks 502 (watches user_status_502)",
                () -> new PipeQueries(CHAIN.comet().target()).subscribers("user_status_502").contains(501L));

        VCard card = VCardManager.getInstanceFor(smack).loadVCard(buddy);

        assertThat(card.getField("FN")).isEqualTo("comet user 502");
        assertThat(card.getNickName()).isEqualTo("Web Friend");
    }

    @Test
    void unknownIdCarriesItsIdAsNickname() throws Exception {
        XMPPTCPConnection smack = CHAIN.login(511);

        VCard card = VCardManager.getInstanceFor(smack).loadVCard(CHAIN.jid(512));

        assertThat(card.getField("FN")).isEqualTo("comet user 512");
        assertThat(card.getNickName()).isEqualTo("512");
    }

    @Test
    void roomOccupantCarriesTheNickItUsesOnThePipe() throws Exception {
        String pipe = "web_cards";
        WebUser vera = CHAIN.comet().web(522);
        vera.subscribe(pipe);
        Deadline.await("522 subscribed", () -> new PipeQueries(CHAIN.comet().target()).subscribers(pipe).contains(522L));
        XMPPTCPConnection smack = CHAIN.login(521);
        MultiUserChat room = MultiUserChatManager.getInstanceFor(smack).getMultiUserChat(CHAIN.xmpp().jid(pipe));
        room.join(room.getEnterConfigurationBuilder(Resourcepart.from("smacky5"))
                .timeoutAfter(SmackClients.REPLY_TIMEOUT_MS).build());
        vera.publish(pipe, "message", WebBodyJson.encode(new WebBody(null, "522", "Vera", "hi", "v-1",
                System.currentTimeMillis())));
        RoomMessages.next(room, "Vera's message", m -> "hi".equals(m.getBody()));

        VCard card = loadOccupant(smack, room, "Vera");

        assertThat(card.getField("FN")).isEqualTo("comet user 522");
        assertThat(card.getNickName()).isEqualTo("Vera");
    }

    /** VCardManager only asks bare JIDs; an occupant is {@code room/nick}. */
    private static VCard loadOccupant(XMPPTCPConnection smack, MultiUserChat room, String nick) throws Exception {
        VCard request = new VCard();
        request.setTo(JidCreate.entityFullFrom(room.getRoom(), Resourcepart.from(nick)));
        return smack.createStanzaCollectorAndSend(request).nextResultOrThrow();
    }
}

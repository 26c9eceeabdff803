package org.spectrumcomet.peers;

import static org.assertj.core.api.Assertions.assertThat;

import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.vcardtemp.VCardManager;
import org.jivesoftware.smackx.vcardtemp.packet.VCard;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * XEP-0054 vCards through the real Spectrum 2: a vcard-temp get to a contact reaches the echo
 * backend as VCARD with an id, and its answer (full name "Echo NAME", nickname NAME) comes back as
 * the IQ result from that contact.
 */
@Tag("peers")
class VCardIT {

    @RegisterExtension
    static final SpectrumServerFixture SPECTRUM = SpectrumServerFixture.with(PeerBackend::echo);

    @Test
    void buddyVCardCarriesTheBackendsNameAndNickname() throws Exception {
        XMPPTCPConnection olga = SPECTRUM.clients().login("olga", "pw");

        VCard card = VCardManager.getInstanceFor(olga).loadVCard(SPECTRUM.clients().jid("buddy"));

        assertThat(card.getField("FN")).isEqualTo("Echo buddy");
        assertThat(card.getNickName()).isEqualTo("buddy");
        // The avatar is not checked: Spectrum sends <PHOTO><BINVAL/></PHOTO> without the <TYPE/> that
        // XEP-0054 pairs with it (the backend protocol carries no MIME type), and Smack 4.4 drops a
        // PHOTO without TYPE. See tests/PEERS.md.
    }

    @Test
    void eachContactHasItsOwnVCard() throws Exception {
        XMPPTCPConnection paul = SPECTRUM.clients().login("paul", "pw");
        VCardManager vcards = VCardManager.getInstanceFor(paul);

        assertThat(vcards.loadVCard(SPECTRUM.clients().jid("alice")).getNickName()).isEqualTo("alice");
        assertThat(vcards.loadVCard(SPECTRUM.clients().jid("carol")).getNickName()).isEqualTo("carol");
    }
}

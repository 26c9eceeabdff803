package org.spectrumcomet.bridge.vcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spectrumcomet.bridge.session.BridgeFixture.JID;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.bridge.session.BridgeFixture;
import org.spectrumcomet.protocol.pb.Protocol;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

class VCardRequestsTest {

    private final BridgeFixture f = new BridgeFixture();

    private Protocol.VCard ask(String jid, String buddy, int id) {
        f.main.clear();
        f.handlers.vcards().orElseThrow().vcardRequested(Protocol.VCard.newBuilder().setUserName(jid)
                .setBuddyName(buddy).setId(id).build());
        return f.main.of(Type.TYPE_VCARD, Protocol.VCard.class).get(0);
    }

    @Test
    void everyAnswerEchoesTheRequestId() {
        f.connect(JID, 42);
        f.network.subscribers.put("lobby", List.of(17L));
        f.joinRoom(JID, "lobby", "alice");

        Protocol.VCard buddy = ask(JID, "17", 0);
        assertThat(buddy.getId()).isZero();
        assertThat(buddy.getNickname()).isEqualTo("17");
        assertThat(buddy.getFullname()).isEqualTo("comet user 17");

        Protocol.VCard occupant = ask(JID, "lobby/17", 77);
        assertThat(occupant.getId()).isEqualTo(77);
        assertThat(occupant.getBuddyName()).isEqualTo("lobby/17");
        assertThat(occupant.getNickname()).isEqualTo("17");

        Protocol.VCard unknown = ask(JID, "somebody", 5);
        assertThat(unknown.getId()).isEqualTo(5);
        assertThat(unknown.getNickname()).isEmpty();

        assertThat(ask("nobody@example.org", "17", 9).getId()).isEqualTo(9);
    }

    @Test
    void aBuddyCarriesTheRosterNameTheUserGaveIt() {
        f.connect(JID, 42);
        f.handlers.buddies().orElseThrow().buddyChanged(f.buddy(JID, "17").toBuilder().setAlias("Web Friend").build());

        Protocol.VCard named = ask(JID, "17", 3);
        assertThat(named.getNickname()).isEqualTo("Web Friend");
        assertThat(named.getFullname()).isEqualTo("comet user 17");

        // The main sends an empty alias when only the state changed: the name stays.
        f.handlers.buddies().orElseThrow().buddyChanged(f.buddy(JID, "17"));
        assertThat(ask(JID, "17", 4).getNickname()).isEqualTo("Web Friend");
        f.handlers.buddies().orElseThrow().buddyChanged(f.buddy(JID, "17").toBuilder().setAlias("Renamed").build());
        assertThat(ask(JID, "17", 5).getNickname()).isEqualTo("Renamed");
    }
}

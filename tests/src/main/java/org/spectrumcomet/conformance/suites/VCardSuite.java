package org.spectrumcomet.conformance.suites;

import static org.spectrumcomet.conformance.suites.ScenarioContext.require;

import java.util.List;
import org.spectrumcomet.conformance.driver.LegacyAccount;
import org.spectrumcomet.conformance.main.MainUser;
import org.spectrumcomet.protocol.pb.Protocol.VCard;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/**
 * vCards (spec §7.4): a request is answered with the identical id and buddy name (the main drops
 * a reply whose id it did not ask for); the user's own vCard update (photo present) gets no reply.
 */
public final class VCardSuite {

    private VCardSuite() {
    }

    public static Suite suite() {
        return new Suite("vcard", Suite.Kind.SCENARIO, List.of(Scenario.of("request", VCardSuite::request)));
    }

    private static void request(ScenarioContext ctx) throws Exception {
        LegacyAccount account = ctx.driver().account("carder");
        MainUser user = ctx.loginConnected(account);
        String buddy = ctx.driver().buddy(account);
        for (int round = 0; round < 2; round++) {
            long from = ctx.mark();
            int id = user.requestVCard(buddy);
            VCard card = ctx.await(from, Type.TYPE_VCARD, VCard.class, v -> v.getUserName().equals(account.jid()),
                    ScenarioContext.REPLY, "VCARD reply to request id " + id);
            require(card.getId() == id, "VCARD reply has id " + card.getId() + ", the request had " + id);
            require(card.getBuddyName().equalsIgnoreCase(buddy), "VCARD reply is for '" + card.getBuddyName()
                    + "', the request was for '" + buddy + "'");
        }
        long from = ctx.mark();
        user.updateOwnVCard("me", new byte[] {1, 2, 3});
        ctx.awaitNone(from, Type.TYPE_VCARD, VCard.class, v -> true, RoomSuite.SETTLE, "a reply to the user's own vCard update");
    }
}

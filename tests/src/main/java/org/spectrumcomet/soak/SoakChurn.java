package org.spectrumcomet.soak;

import java.util.Random;
import org.spectrumcomet.conformance.main.MainInstance;
import org.spectrumcomet.conformance.main.MainUsers;

/**
 * Logins and logouts all the time: each step picks one churning XMPP user; one that is offline
 * logs in (a recorded LOGIN, delivered by its CONNECTED), one that is connected logs out, one still
 * waiting for its answer is left alone. Runs on the traffic thread only.
 */
final class SoakChurn {

    private final SoakLayout layout;
    private final MainInstance main;
    private final SoakInbox inbox;
    private final Ledger ledger;
    private final Random random;

    SoakChurn(SoakLayout layout, MainInstance main, SoakInbox inbox, Ledger ledger, Random random) {
        this.layout = layout;
        this.main = main;
        this.inbox = inbox;
        this.ledger = ledger;
        this.random = random;
    }

    void step(long intended) {
        SoakSettings s = layout.settings();
        int i = s.stable() + random.nextInt(s.churning());
        long id = SoakLayout.xmppId(i);
        String jid = SoakLayout.jid(id);
        MainUsers users = main.link().users();
        if (!users.isKnown(jid)) {
            // offline (never logged in, logged out, or the main gave up on it): log in
            inbox.loggedOut(jid);
            long seq = ledger.expect(TrafficKind.LOGIN, intended, id);
            inbox.loginSent(jid, seq);
            main.user(jid).login(Long.toString(id), SoakLayout.key(id));
        } else if (inbox.isConnected(jid)) {
            inbox.loggedOut(jid);
            main.user(jid).logout();
        }
    }
}

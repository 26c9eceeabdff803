package org.spectrumcomet.e2e;

import java.time.Duration;
import org.spectrumcomet.conformance.main.FrameRecord;
import org.spectrumcomet.conformance.main.MainInstance;
import org.spectrumcomet.conformance.main.MainUser;
import org.spectrumcomet.protocol.pb.Protocol.Connected;
import org.spectrumcomet.protocol.pb.Protocol.Disconnected;

/**
 * An XMPP user's LOGIN through the emulated main instance, waiting for the backend's answer: the
 * one way every rig (single comet, cluster, browser) logs its XMPP users in.
 */
public final class XmppLogin {

    private XmppLogin() {
    }

    /**
     * Sends LOGIN for {@code jid} and waits up to {@code reply} for CONNECTED or DISCONNECTED of that
     * user; fails naming the refusal.
     */
    public static MainUser connect(MainInstance main, String jid, String legacyName, String password, Duration reply)
            throws Exception {
        MainUser user = main.user(jid);
        long from = main.recording().mark();
        user.login(legacyName, password);
        FrameRecord answer = main.recording().awaitReceived(from, reply, m ->
                        (m.payload() instanceof Connected c && c.getUser().equals(jid))
                        || (m.payload() instanceof Disconnected d && d.getUser().equals(jid)))
                .orElseThrow(() -> new AssertionError("no answer to LOGIN of " + jid));
        if (!(answer.message().payload() instanceof Connected)) {
            throw new AssertionError("LOGIN of " + jid + " refused: " + answer.message());
        }
        return user;
    }
}

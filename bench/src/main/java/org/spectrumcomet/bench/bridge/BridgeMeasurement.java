package org.spectrumcomet.bench.bridge;

import java.util.OptionalLong;

/**
 * The bridge process with {@code users} logged in.
 *
 * @param users logged-in XMPP users (each one comet WebSocket in the bridge)
 * @param loginsPerSecond LOGIN→CONNECTED/s of the login burst
 * @param heapIdleBytes bridge heap after a full GC before any LOGIN
 * @param heapUsersBytes bridge heap after a full GC with every user logged in, before load
 * @param rssBytes bridge RSS at that point
 * @param xmppToComet window-bounded load: rate = CONV_MESSAGE_ACKs/s at the main (each one a users_messages
 *        insert comet accepted), second rate = arrivals/s at the web subscribers
 * @param cometToXmpp CONV_MESSAGEs/s at the main under window-bounded CometQL inserts
 * @param xmppToCometLatency main (intended send) → web subscriber, at the fixed rate
 * @param cometToXmppLatency CometQL insert (intended) → main, at the fixed rate
 */
record BridgeMeasurement(int users, double loginsPerSecond, OptionalLong heapIdleBytes, OptionalLong heapUsersBytes,
                         OptionalLong rssBytes, Phase.Result xmppToComet,
                         Phase.Result cometToXmpp, Phase.Result xmppToCometLatency, Phase.Result cometToXmppLatency) {

    /** (heap with users − idle heap) / users, in bytes; NaN when jcmd could not read a heap. */
    double heapPerUserBytes() {
        if (heapIdleBytes.isEmpty() || heapUsersBytes.isEmpty()) {
            return Double.NaN;
        }
        return (heapUsersBytes.getAsLong() - heapIdleBytes.getAsLong()) / (double) users;
    }
}

package org.spectrumcomet.peers.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.filter.PresenceTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.parts.Resourcepart;
import org.spectrumcomet.conformance.comet.WebBody;
import org.spectrumcomet.conformance.comet.WebFrame;
import org.spectrumcomet.conformance.comet.WebUser;
import org.spectrumcomet.peers.ContactInbox;
import org.spectrumcomet.peers.Deadline;
import org.spectrumcomet.peers.SmackClients;

/**
 * Our comet server killed with SIGKILL in the middle of a conversation (a room and a 1:1 chat) and
 * started again on the same ports and data directory, well within the bridge's grace period
 * ({@code grace_period = 60s} in the kit's section). ann is in the room and chats 1:1, ben chats
 * 1:1 only, both with the same web page. The Smack users must not notice beyond the
 * pause: no stream close, no unavailable presence (neither the room's self-presence nor any other),
 * every room message exactly once (the bridge replays missed ones from pipe history and must drop
 * the ones it already delivered), and what comet accepts after the restart is delivered both ways.
 */
@Tag("peers")
class CometRestartIT {

    private static final Duration WAIT = Duration.ofMillis(SmackClients.REPLY_TIMEOUT_MS);
    private static final String PIPE = "web_restart";
    private static final long ANN = 501;
    private static final long BEN = 503;
    private static final long PAGE = 602;

    @RegisterExtension
    static final BridgeChainFixture CHAIN = BridgeChainFixture.create();

    @Test
    void smackUserStaysLoggedInAndSeesEveryRoomMessageOnceAcrossACometKill() throws Exception {
        CHAIN.comet().cometql().setHistory(PIPE, 50);
        WebUser page = CHAIN.comet().web(PAGE);
        page.subscribe(PIPE);
        Deadline.await(PAGE + " subscribed to " + PIPE, () -> subscribers().contains(PAGE));

        XMPPTCPConnection ann = CHAIN.login(ANN);
        XMPPTCPConnection ben = CHAIN.login(BEN);
        List<String> departures = Collections.synchronizedList(new ArrayList<>());
        watchDepartures(ann, "ann", departures);
        watchDepartures(ben, "ben", departures);
        MultiUserChat room = MultiUserChatManager.getInstanceFor(ann).getMultiUserChat(CHAIN.xmpp().jid(PIPE));
        List<String> roomBodies = Collections.synchronizedList(new ArrayList<>());
        room.addMessageListener(m -> {
            if (m.getBody() != null) {
                roomBodies.add(m.getBody());
            }
        });
        room.join(room.getEnterConfigurationBuilder(Resourcepart.from("ann")).timeoutAfter(SmackClients.REPLY_TIMEOUT_MS).build());
        Deadline.await(ANN + " subscribed to " + PIPE, () -> subscribers().contains(ANN));
        EntityBareJid pageJid = CHAIN.jid(PAGE);

        // Before the kill: the room both ways and 1:1 both ways.
        publish("from the page before the kill", "p-1");
        Deadline.await("the page's message in the room", () -> roomBodies.contains("from the page before the kill"));
        roomBothWays(room, page, "from ann before the kill", roomBodies);
        privateBothWays(ann, ANN, page, pageJid, "before");
        privateBothWays(ben, BEN, page, pageJid, "before");

        CHAIN.comet().kill();
        // While comet is down the bridge's socket and CometQL links are broken; the user stays.
        Thread.sleep(1_000);
        assertThat(ann.isAuthenticated() && ben.isAuthenticated()).as("the XMPP sessions while comet is down").isTrue();
        CHAIN.comet().restart();
        publish("from the site right after the restart", "s-1");
        WebUser pageAgain = CHAIN.comet().web(PAGE);
        pageAgain.subscribe(PIPE);

        Deadline.await("the bridge is back in " + PIPE, () -> subscribers().contains(ANN));
        Deadline.await("the message published at the restart in the room",
                () -> roomBodies.contains("from the site right after the restart"));
        Deadline.await(PAGE + " back in " + PIPE, () -> subscribers().contains(PAGE));
        publish("from the site after the reconnect", "s-2");
        Deadline.await("the live message after the reconnect", () -> roomBodies.contains("from the site after the reconnect"));
        roomBothWays(room, pageAgain, "from ann after the restart", roomBodies);
        privateBothWays(ann, ANN, pageAgain, pageJid, "after");
        privateBothWays(ben, BEN, pageAgain, pageJid, "after");

        // A replay running late would add copies now: give it the bridge's reconnect back-off.
        Thread.sleep(2_000);
        synchronized (roomBodies) {
            for (String body : new ArrayList<>(roomBodies)) {
                assertThat(Collections.frequency(roomBodies, body)).as("copies of '" + body + "' in " + roomBodies).isEqualTo(1);
            }
        }
        assertThat(roomBodies).containsExactly("from the page before the kill", "from ann before the kill",
                "from the site right after the restart", "from the site after the reconnect", "from ann after the restart");
        assertThat(departures).as("stream closes and unavailable presences (nick changes aside)").isEmpty();
        assertThat(ann.isAuthenticated()).isTrue();
        assertThat(ben.isAuthenticated()).isTrue();
        assertThat(room.isJoined()).isTrue();
    }

    private static void publish(String text, String id) throws Exception {
        CHAIN.comet().cometql().publish(PIPE, "message",
                new WebBody(null, Long.toString(PAGE), "Page", text, id, System.currentTimeMillis()));
    }

    /** ann's room message reaches the page's socket; ann sees its own message once (checked at the end). */
    private static void roomBothWays(MultiUserChat room, WebUser page, String text, List<String> roomBodies) throws Exception {
        long mark = page.mark();
        room.sendMessage(text);
        page.await(mark, f -> f.pipe().equals(PIPE) && text.equals(f.body().text()), WAIT)
                .orElseThrow(() -> new AssertionError("'" + text + "' not on " + PIPE + ": " + page.frames(mark, f -> true)));
        Deadline.await("own room message back", () -> roomBodies.contains(text));
    }

    /** Records the user's stream closes and unavailable presences, except MUC nick changes (status 303). */
    private static void watchDepartures(XMPPTCPConnection user, String name, List<String> departures) {
        user.addConnectionListener(new ConnectionListener() {
            @Override
            public void connectionClosed() {
                departures.add(name + ": stream closed");
            }

            @Override
            public void connectionClosedOnError(Exception e) {
                departures.add(name + ": stream closed on error: " + e);
            }
        });
        user.addAsyncStanzaListener(p -> {
            // A nick change is not a departure: occupant 602 becomes "Page" with its first message.
            MUCUser muc = MUCUser.from(p);
            if (muc == null || !muc.getStatus().contains(MUCUser.Status.NEW_NICKNAME_303)) {
                departures.add(name + ": " + p.toXML());
            }
        }, PresenceTypeFilter.UNAVAILABLE);
    }

    private static void privateBothWays(XMPPTCPConnection user, long userId, WebUser page, EntityBareJid pageJid,
                                        String when) throws Exception {
        String out = "1:1 from " + userId + " " + when + " the kill";
        long mark = page.mark();
        user.sendStanza(user.getStanzaFactory().buildMessageStanza().to(pageJid).ofType(Message.Type.chat).setBody(out).build());
        WebFrame got = page.await(mark, f -> f.isPrivate() && out.equals(f.body().text()), WAIT)
                .orElseThrow(() -> new AssertionError("'" + out + "' not at the page: " + page.frames(mark, f -> true)));
        assertThat(got.body().from()).isEqualTo(Long.toString(userId));

        String in = "1:1 from the page to " + userId + " " + when + " the kill";
        try (ContactInbox inbox = new ContactInbox(user, pageJid)) {
            CHAIN.comet().cometql().sendPrivate(userId, "message", WebBody.text(PAGE, in, "pm-" + userId + when));
            assertThat(inbox.next("'" + in + "'", m -> in.equals(m.getBody())).getType()).isEqualTo(Message.Type.chat);
        }
    }

    private static List<Long> subscribers() {
        return new PipeQueries(CHAIN.comet().target()).subscribers(PIPE);
    }
}

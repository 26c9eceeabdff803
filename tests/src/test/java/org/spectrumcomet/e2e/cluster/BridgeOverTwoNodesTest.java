package org.spectrumcomet.e2e.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.spectrumcomet.conformance.JavaBackendCommand;
import org.spectrumcomet.conformance.comet.WebBody;
import org.spectrumcomet.conformance.comet.WebBodyJson;
import org.spectrumcomet.conformance.comet.WebUser;
import org.spectrumcomet.conformance.main.MainUser;
import org.spectrumcomet.protocol.pb.Protocol.Buddy;
import org.spectrumcomet.protocol.pb.Protocol.ConversationMessage;
import org.spectrumcomet.protocol.pb.Protocol.Disconnected;
import org.spectrumcomet.protocol.pb.Protocol.Participant;
import org.spectrumcomet.protocol.pb.Protocol.StatusType;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/**
 * Issue 9 "done when" and failover, on one rig (Redis, nodes A and B, the bridge over both): first
 * with both nodes up, an XMPP user through the bridge and web users on A and on B reach each other,
 * and B sees the presence of A's user; then the node carrying the XMPP user's socket is killed with
 * SIGKILL and the user stays logged in, gets what is sent through the surviving node exactly once,
 * and can still send.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BridgeOverTwoNodesTest {

    private static final Duration LATE = Duration.ofMillis(1500);
    private ClusterRig rig;

    @BeforeAll
    void start() throws Exception {
        RedisProcess.assumeInstalled();
        rig = new ClusterRig(JavaBackendCommand.workDir("cluster-" + System.nanoTime()));
    }

    @AfterAll
    void stop() throws Exception {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    @Order(1)
    void anXmppUserAndWebUsersOnBothNodesReachEachOtherAndPresenceCrossesNodes() throws Exception {
        long xmppId = rig.userOn(0, 6100);
        MainUser xmpp = rig.login(xmppId);
        WebUser onB = rig.web(1, 7201);
        onB.subscribe("user_status_7202", "web_cluster_a");
        Thread.sleep(300); // the subscription reaches node B before A's user arrives
        long bMark = onB.mark();
        WebUser onA = rig.web(0, 7202);
        assertThat(onB.await(bMark, f -> f.pipe().equals("user_status_7202") && f.event().equals("online"),
                ClusterRig.REPLY)).as("B's page sees A's user come online").isPresent();
        onA.subscribe("web_cluster_a");

        long from = rig.mark();
        xmpp.addBuddy("7201", "on B", "web");
        xmpp.addBuddy("7202", "on A", "web");
        for (String buddy : List.of("7201", "7202")) {
            assertThat(rig.await(from, Buddy.class, b -> b.getBuddyName().equals(buddy)
                    && b.getStatus() != StatusType.STATUS_NONE, ClusterRig.REPLY)).as("buddy %s online", buddy)
                    .isPresent();
        }

        // web users to the XMPP user: private messages through each node's CometQL, a room message from each
        rig.cometql.get(0).sendPrivate(xmppId, "message", WebBody.text(7202, "private via A", "pa-1"));
        rig.cometql.get(1).sendPrivate(xmppId, "message", WebBody.text(7201, "private via B", "pb-1"));
        xmpp.joinRoom("web_cluster_a", "xmpp");
        assertThat(rig.await(from, Participant.class, p -> p.getNickname().equals("xmpp"), ClusterRig.REPLY))
                .isPresent();
        long roomFrom = rig.mark();
        onA.publish("web_cluster_a", "message", WebBodyJson.encode(WebBody.text(7202, "room from A", "ra-1")));
        onB.publish("web_cluster_a", "message", WebBodyJson.encode(WebBody.text(7201, "room from B", "rb-1")));
        awaitArrival(from, "7202", "private via A");
        awaitArrival(from, "7201", "private via B");
        awaitArrival(roomFrom, "web_cluster_a", "room from A");
        awaitArrival(roomFrom, "web_cluster_a", "room from B");
        assertThat(onB.await(0, f -> "room from A".equals(f.body().text()), ClusterRig.REPLY)).isPresent();
        assertThat(onA.await(0, f -> "room from B".equals(f.body().text()), ClusterRig.REPLY)).isPresent();

        // the XMPP user to both web users, privately and in the room
        long aMark = onA.mark();
        bMark = onB.mark();
        xmpp.sendMessage("7202", "to A from xmpp", "xa-1");
        xmpp.sendMessage("7201", "to B from xmpp", "xb-1");
        xmpp.sendMessage("web_cluster_a", "room from xmpp", "xr-1");
        assertThat(onA.await(aMark, f -> f.isPrivate() && "to A from xmpp".equals(f.body().text()), ClusterRig.REPLY))
                .isPresent();
        assertThat(onB.await(bMark, f -> f.isPrivate() && "to B from xmpp".equals(f.body().text()), ClusterRig.REPLY))
                .isPresent();
        for (WebUser web : List.of(onA, onB)) {
            assertThat(web.await(0, f -> f.pipe().equals("web_cluster_a") && "room from xmpp".equals(f.body().text()),
                    ClusterRig.REPLY)).isPresent();
        }
        for (String id : List.of("xa-1", "xb-1", "xr-1")) {
            assertThat(rig.main.recording().awaitReceived(from, ClusterRig.REPLY, m -> m.type() == Type.TYPE_CONV_MESSAGE_ACK
                    && m.payload() instanceof ConversationMessage c && c.getId().equals(id))).as("ACK %s", id).isPresent();
        }
        xmpp.logout();
    }

    @Test
    @Order(2)
    void whenTheNodeCarryingTheXmppUserDiesTheUserStaysLoggedInAndGetsEverythingOnce() throws Exception {
        long xmppId = rig.userOn(0, 6300);
        String room = "web_failover";
        rig.cometql.get(1).setHistory(room, 30);
        MainUser xmpp = rig.login(xmppId);
        long from = rig.mark();
        xmpp.joinRoom(room, "xmpp");
        assertThat(rig.await(from, Participant.class, p -> p.getNickname().equals("xmpp"), ClusterRig.REPLY)).isPresent();
        WebUser survivor = rig.web(1, 7301);
        survivor.subscribe(room);
        Thread.sleep(300);
        for (int i = 1; i <= 3; i++) {
            publish(survivor, room, "before-" + i);
        }
        for (int i = 1; i <= 3; i++) {
            awaitArrival(from, room, "before-" + i);
        }

        rig.kill(0);
        for (int i = 1; i <= 5; i++) {
            publish(survivor, room, "during-" + i);
            rig.cometql.get(1).sendPrivate(xmppId, "message", WebBody.text(7301, "private-" + i, "p-" + i));
        }
        for (int i = 1; i <= 5; i++) {
            awaitArrival(from, room, "during-" + i);
            awaitArrival(from, "7301", "private-" + i);
        }

        long sendFrom = rig.mark();
        long webMark = survivor.mark();
        xmpp.sendMessage("7301", "still here", "s-1");
        xmpp.sendMessage(room, "room still here", "s-2");
        assertThat(survivor.await(webMark, f -> f.isPrivate() && "still here".equals(f.body().text()), ClusterRig.REPLY))
                .isPresent();
        assertThat(survivor.await(webMark, f -> f.pipe().equals(room) && "room still here".equals(f.body().text()),
                ClusterRig.REPLY)).isPresent();
        for (String id : List.of("s-1", "s-2")) {
            assertThat(rig.main.recording().awaitReceived(sendFrom, ClusterRig.REPLY, m -> m.type() == Type.TYPE_CONV_MESSAGE_ACK
                    && m.payload() instanceof ConversationMessage c && c.getId().equals(id))).as("ACK %s", id).isPresent();
        }

        Thread.sleep(LATE.toMillis()); // a late duplicate (replay after the move) would show up here
        Map<String, Long> counts = texts(from, c -> true);
        for (String text : List.of("before-1", "before-2", "before-3", "during-1", "during-2", "during-3", "during-4",
                "during-5", "private-1", "private-2", "private-3", "private-4", "private-5", "room still here")) {
            assertThat(counts.getOrDefault(text, 0L)).as("deliveries of %s", text).isEqualTo(1L);
        }
        assertThat(survivor.frames(webMark, f -> "still here".equals(f.body().text()))).hasSize(1);
        assertThat(rig.received(from, Disconnected.class, d -> true)).as("no DISCONNECTED after the node died").isEmpty();
        assertThat(rig.received(from, ConversationMessage.class, c -> c.getBuddyName().equals("comet")))
                .as("no notice from the bridge (nothing failed)").isEmpty();
    }

    @Test
    @Order(3)
    void aNodeThatComesBackTakesNewLoginsAgainWhileMovedUsersStayWhereTheyAre() throws Exception {
        rig.restart(0);
        String back = "comet node 127.0.0.1:" + rig.target(0).wsPort() + " is back";
        long deadline = System.nanoTime() + ClusterRig.REPLY.toNanos();
        while (!rig.bridgeLog().contains(back)) {
            assertThat(System.nanoTime()).as("the bridge finds node A back: \"%s\" in its log", back).isLessThan(deadline);
            Thread.sleep(50);
        }
        long newcomer = rig.userOn(0, 6400);
        rig.login(newcomer);
        String online = "tenant 0 user " + newcomer + " online";
        while (!rig.nodes.get(0).log().contains(online)) {
            assertThat(System.nanoTime()).as("user %d's socket on node A", newcomer).isLessThan(deadline);
            Thread.sleep(50);
        }
        long from = rig.mark();
        rig.cometql.get(0).sendPrivate(newcomer, "message", WebBody.text(7401, "welcome back", "wb-1"));
        awaitArrival(from, "7401", "welcome back");
    }

    private static void publish(WebUser web, String room, String text) {
        web.publish(room, "message", WebBodyJson.encode(WebBody.text(web.id(), text, "id-" + text)));
    }

    private Map<String, Long> texts(long from, java.util.function.Predicate<ConversationMessage> match) {
        return rig.received(from, ConversationMessage.class, match).stream()
                .collect(Collectors.groupingBy(ConversationMessage::getMessage, Collectors.counting()));
    }

    /** Waits until {@code text} from {@code buddy} (a room or a buddy id) has arrived at the XMPP user. */
    private void awaitArrival(long from, String buddy, String text) {
        assertThat(rig.await(from, ConversationMessage.class, c -> c.getBuddyName().equals(buddy)
                && c.getMessage().equals(text), ClusterRig.REPLY)).as("%s from %s", text, buddy).isPresent();
    }
}

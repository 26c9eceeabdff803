package org.spectrumcomet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.conformance.comet.WebBody;
import org.spectrumcomet.conformance.comet.WebBodyJson;
import org.spectrumcomet.conformance.comet.WebUser;
import org.spectrumcomet.conformance.main.MainUser;
import org.spectrumcomet.protocol.pb.Protocol.ConversationMessage;
import org.spectrumcomet.protocol.pb.Protocol.Disconnected;
import org.spectrumcomet.protocol.pb.Protocol.Participant;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/**
 * The comet server is killed with SIGKILL mid-conversation in a room that keeps 30 messages, and
 * restarted on the same ports and data directory. Messages published while the bridge's socket is
 * still away (the gate holds its reconnects back) are replayed from history after it reconnects:
 * each exactly once, with its original time, and none of the ones delivered before comes again.
 * A message the XMPP user sent while comet was down is acknowledged only if comet took it.
 */
class ReconnectReplayTest {

    private static final long XMPP_ID = 4001;
    private static final long WEB_ID = 4501;
    private static final String ROOM = "web_replay";
    private static final Duration DELIVERY = Duration.ofSeconds(15);

    @Test
    void roomMessagesPublishedWhileAwayArriveExactlyOnceAfterTheRestart() throws Exception {
        Path data = JavaBackendDirs.fresh("replay-data");
        try (BridgeRig rig = BridgeRig.start(BridgeRig.inMemory("replay").withDataDir(data), "")) {
            rig.cometql.setHistory(ROOM, 30);
            MainUser xmpp = rig.login(XMPP_ID);
            long start = rig.mark();
            xmpp.joinRoom(ROOM, "xmpp");
            assertThat(rig.await(start, Participant.class, p -> p.getNickname().equals("xmpp"), BridgeRig.REPLY)).isPresent();

            WebUser web = rig.web(WEB_ID);
            web.subscribe(ROOM);
            for (int i = 1; i <= 5; i++) {
                publish(web, i);
            }
            awaitTexts(rig, start, 1, 5);

            rig.gate.refuseAlways(XMPP_ID);
            rig.killComet();
            web.close();
            long down = rig.mark();
            xmpp.sendMessage(ROOM, "sent while comet is down", "down-1");
            // the bridge finds comet gone (CometQL refused) and says so from the pseudo-buddy
            assertThat(rig.await(down, ConversationMessage.class, c -> c.getBuddyName().equals("comet"),
                    BridgeRig.REPLY)).as("a notice that the room message was not delivered").isPresent();

            rig.restartComet();
            WebUser web2 = rig.web(WEB_ID);
            web2.subscribe(ROOM);
            try (WebUser witness = rig.web(WEB_ID + 1)) {
                witness.subscribe(ROOM);
                Thread.sleep(200); // subscriptions take effect before the first publish
                for (int i = 6; i <= 15; i++) {
                    publish(web2, i);
                }
                // comet has taken all of them (into history) before the bridge may come back
                assertThat(witness.await(0, f -> "m15".equals(f.body().text()), BridgeRig.REPLY)).isPresent();
            }
            rig.gate.allow(XMPP_ID);
            awaitTexts(rig, start, 6, 15);
            Thread.sleep(1000); // a late duplicate would show up here

            Map<String, Long> counts = rig.received(start, ConversationMessage.class, c -> c.getBuddyName().equals(ROOM)
                            && c.getMessage().startsWith("m"))
                    .stream().collect(Collectors.groupingBy(t -> t.payload().getMessage(), Collectors.counting()));
            for (int i = 1; i <= 15; i++) {
                assertThat(counts.getOrDefault("m" + i, 0L)).as("deliveries of m%d", i).isEqualTo(1L);
            }
            List<ConversationMessage> replayed = rig.received(start, ConversationMessage.class,
                    c -> c.getBuddyName().equals(ROOM) && c.getMessage().matches("m([6-9]|1[0-5])"))
                    .stream().map(BridgeRig.Timed::payload).toList();
            assertThat(replayed).allSatisfy(c -> assertThat(c.getTimestamp()).as("replayed %s", c.getMessage()).isNotEmpty());
            assertThat(replayed).extracting(ConversationMessage::getMessage)
                    .isSortedAccordingTo(Comparator.comparingInt(t -> Integer.parseInt(t.substring(1))));

            // after the reconnect a message is accepted, delivered and acknowledged again
            long up = rig.mark();
            long webMark = web2.mark();
            xmpp.sendMessage(ROOM, "back again", "up-1");
            assertThat(web2.await(webMark, f -> f.pipe().equals(ROOM) && "back again".equals(f.body().text()),
                    BridgeRig.REPLY)).isPresent();
            assertThat(rig.main.recording().awaitReceived(up, BridgeRig.REPLY, m -> m.type() == Type.TYPE_CONV_MESSAGE_ACK
                    && m.payload() instanceof ConversationMessage c && c.getId().equals("up-1"))).isPresent();

            // "down-1" never reached comet: it must not have been acknowledged
            boolean downAcked = rig.main.recording().awaitReceived(down, Duration.ZERO, m -> m.type() == Type.TYPE_CONV_MESSAGE_ACK
                    && m.payload() instanceof ConversationMessage c && c.getId().equals("down-1")).isPresent();
            boolean downArrived = web2.await(0, f -> "sent while comet is down".equals(f.body().text()), Duration.ZERO)
                    .isPresent();
            assertThat(downAcked).as("ACK for a message comet never took").isEqualTo(downArrived);
            assertThat(rig.received(start, Disconnected.class, d -> true)).as("the user stayed logged in").isEmpty();
            web2.close();
        }
    }

    private static void publish(WebUser web, int n) {
        web.publish(ROOM, "message", WebBodyJson.encode(WebBody.text(WEB_ID, "m" + n, "msg-" + n)));
    }

    private static void awaitTexts(BridgeRig rig, long from, int first, int last) throws InterruptedException {
        long deadline = System.nanoTime() + DELIVERY.toNanos();
        List<String> wanted = Stream.iterate(first, i -> i + 1).limit(last - first + 1L).map(i -> "m" + i).toList();
        while (true) {
            Map<String, ConversationMessage> got = rig.received(from, ConversationMessage.class,
                    c -> c.getBuddyName().equals(ROOM)).stream().map(BridgeRig.Timed::payload)
                    .collect(Collectors.toMap(ConversationMessage::getMessage, Function.identity(), (a, b) -> a));
            if (got.keySet().containsAll(wanted)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("room messages missing after " + DELIVERY.toSeconds() + " s: "
                        + wanted.stream().filter(w -> !got.containsKey(w)).toList());
            }
            Thread.sleep(20);
        }
    }
}

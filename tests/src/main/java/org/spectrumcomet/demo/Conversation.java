package org.spectrumcomet.demo;

import static org.spectrumcomet.demo.DemoUser.ALICE;
import static org.spectrumcomet.demo.DemoUser.BOB;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.spectrumcomet.protocol.pb.Protocol.ConversationMessage;
import org.spectrumcomet.protocol.pb.Protocol.Participant;

/**
 * The talking part of the story: 1:1 chat both ways with a receipt, then a room (pipe) with its
 * participants, a history line and a message each way. XMPP-side sends are frames from the main
 * instance; web-side sends are what the site's server inserts over CometQL, in the bridge's JSON
 * body convention; each is proven by what arrives on the other side.
 */
final class Conversation {

    static final String ROOM = "demo_room";
    static final int HISTORY_LENGTH = 20;
    static final String TO_WEB = "Hello from XMPP";
    static final String TO_XMPP = "Hello from the web";
    static final String EARLIER = "Anyone here?";
    static final String ROOM_FROM_XMPP = "Hi room, alice here";
    static final String ROOM_FROM_WEB = "Welcome, alice";
    private static final DateTimeFormatter SPECTRUM_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    private final Steps steps;

    Conversation(Steps steps) {
        this.steps = steps;
    }

    /** Before anyone logs in: the room keeps history, and bob has said something there. */
    void prepareRoom(SiteServer site) throws DemoFailure {
        steps.begin("prepare " + ROOM);
        site.setHistoryLength(ROOM, HISTORY_LENGTH);
        site.publish(ROOM, BOB, EARLIER, "b0");
        steps.line("site", ROOM + " keeps " + HISTORY_LENGTH + " messages; bob wrote \"" + EARLIER + "\" there earlier");
    }

    void chat(SpectrumMain main, SiteServer site, XmppUser alice, WebUser bob) throws DemoFailure {
        steps.begin("alice -> bob");
        long from = alice.send(BOB.legacyName(), TO_WEB, "m1");
        steps.line("xmpp alice", "-> bob: " + TO_WEB);
        JsonNode got = bob.await(f -> "msg".equals(f.path("pipe").asText())
                && WebUser.body(f).map(b -> TO_WEB.equals(b.path("text").asText())).orElse(false),
                steps.allowance(), "the private message from alice");
        steps.line("web bob", "<- " + DemoUser.nameOf(WebUser.body(got).orElseThrow().path("from").asText()) + ": " + TO_WEB);
        steps.begin("receipt");
        alice.awaitAck(from, "m1", steps.allowance());
        steps.line("xmpp alice", "<- receipt for m1 (comet accepted it)");

        steps.begin("bob -> alice");
        from = main.mark();
        site.sendPrivate(BOB, ALICE, TO_XMPP, "w1");
        steps.line("web bob", "-> alice: " + TO_XMPP + "  (the site inserts the JSON body into users_messages)");
        ConversationMessage m = alice.awaitMessage(from, BOB.legacyName(), TO_XMPP, steps.allowance());
        steps.line("xmpp alice", "<- " + DemoUser.nameOf(m.getBuddyName()) + ": " + m.getMessage());
    }

    void room(SpectrumMain main, SiteServer site, XmppUser alice, WebUser bob) throws DemoFailure {
        steps.begin("bob subscribes to " + ROOM);
        bob.subscribe(ROOM);
        steps.awaitSubscribed(site, ROOM, BOB.cometId());
        steps.line("web bob", "subscribes to " + ROOM);

        steps.begin("alice joins " + ROOM);
        long from = alice.joinRoom(ROOM, ALICE.name());
        steps.line("xmpp alice", "joins " + ROOM + " as alice");
        List<Participant> who = alice.awaitParticipants(from, ROOM, steps.allowance());
        if (who.size() < 2 || !who.get(who.size() - 1).getNickname().equals(ALICE.name())) {
            throw main.failure("participants of " + ROOM + " should end with alice (flag ME): " + who);
        }
        steps.line("xmpp alice", "<- " + ROOM + " participants: " + who.stream().map(p -> p.getNickname()
                + ((p.getFlag() & XmppUser.FLAG_ME) != 0 ? " (me)" : "")).collect(Collectors.joining(", ")));
        steps.begin(ROOM + " history");
        ConversationMessage earlier = alice.awaitMessage(from, ROOM, EARLIER, steps.allowance());
        steps.line("xmpp alice", "<- " + ROOM + " history [" + time(earlier.getTimestamp()) + " UTC] "
                + earlier.getNickname() + ": " + earlier.getMessage());

        steps.begin("alice -> " + ROOM);
        from = alice.send(ROOM, ROOM_FROM_XMPP, "m2");
        steps.line("xmpp alice", "-> " + ROOM + ": " + ROOM_FROM_XMPP);
        JsonNode got = bob.await(f -> ROOM.equals(f.path("pipe").asText())
                && WebUser.body(f).map(b -> ROOM_FROM_XMPP.equals(b.path("text").asText())).orElse(false),
                steps.allowance(), "alice's room message");
        steps.line("web bob", "<- " + ROOM + " " + WebUser.body(got).orElseThrow().path("nick").asText() + ": "
                + ROOM_FROM_XMPP);
        ConversationMessage echo = alice.awaitMessage(from, ROOM, ROOM_FROM_XMPP, steps.allowance());
        steps.line("xmpp alice", "<- " + ROOM + " " + echo.getNickname() + ": " + ROOM_FROM_XMPP + " (echo)");

        steps.begin("bob -> " + ROOM);
        from = main.mark();
        site.publish(ROOM, BOB, ROOM_FROM_WEB, "w2");
        steps.line("web bob", "-> " + ROOM + ": " + ROOM_FROM_WEB + "  (the site inserts into pipes_messages)");
        ConversationMessage m = alice.awaitMessage(from, ROOM, ROOM_FROM_WEB, steps.allowance());
        steps.line("xmpp alice", "<- " + ROOM + " " + m.getNickname() + ": " + m.getMessage());
    }

    private static String time(String spectrumTimestamp) {
        try {
            return LocalDateTime.parse(spectrumTimestamp.substring(0, 15), SPECTRUM_TIME).toLocalTime().toString();
        } catch (RuntimeException e) {
            return spectrumTimestamp;
        }
    }
}

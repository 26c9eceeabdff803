package org.spectrumcomet.demo;

import static org.spectrumcomet.demo.DemoUser.ALICE;
import static org.spectrumcomet.demo.DemoUser.BOB;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.spectrumcomet.protocol.pb.Protocol.Buddy;
import org.spectrumcomet.protocol.pb.Protocol.ConversationMessage;
import org.spectrumcomet.protocol.pb.Protocol.Participant;
import org.spectrumcomet.protocol.pb.Protocol.StatusType;

/**
 * The demo's story, one step after the other; each step waits for its evidence (a frame at the
 * main instance, a frame on the web socket) and prints one transcript line, or fails naming what
 * did not happen. Resources are closed in reverse order whatever happens.
 */
final class DemoScript {

    static final String ROOM = "demo_room";
    static final int HISTORY_LENGTH = 20;
    static final String TO_WEB = "Hello from XMPP";
    static final String TO_XMPP = "Hello from the web";
    static final String EARLIER = "Anyone here?";
    static final String ROOM_FROM_XMPP = "Hi room, alice here";
    static final String ROOM_FROM_WEB = "Welcome, alice";
    /** The longest one step may wait (within the overall deadline). */
    private static final Duration STEP = Duration.ofSeconds(15);
    private static final DateTimeFormatter SPECTRUM_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    private final Transcript t;
    private final Deadline deadline;
    private String step = "start";

    DemoScript(Transcript transcript, Deadline deadline) {
        this.t = transcript;
        this.deadline = deadline;
    }

    /** The step running now (or the one that failed). */
    String step() {
        return step;
    }

    void run(String backendCommand, Path workDir) throws DemoFailure {
        step = "start our comet server";
        try (InProcessComet comet = InProcessComet.start()) {
            t.line("comet", "our comet server: CometQL 127.0.0.1:" + comet.cometqlPort() + ", WebSocket "
                    + comet.websocketBase() + " (in memory, tenant " + InProcessComet.DEV_ID + ")");
            try (SiteServer site = SiteServer.connect(comet.cometqlPort(), InProcessComet.TENANT_KEY, t)) {
                prepare(site);
                step = "spawn the backend";
                try (SpectrumMain main = SpectrumMain.spawn(backendCommand, comet.bridgeSection(HISTORY_LENGTH), workDir)) {
                    t.addRawSource(main);
                    t.line("spectrum", "main instance on 127.0.0.1:" + main.port() + " spawned " + backendCommand
                            + " (pid " + main.pid() + ")");
                    step = "backend answers PING";
                    main.awaitReady(deadline.next(STEP));
                    t.line("spectrum", "backend ready (PONG)");
                    XmppUser alice = main.user(ALICE);
                    login(site, alice);
                    long beforeBob = main.mark();
                    try (WebUser bob = WebUser.connect(BOB, comet.userSocket(BOB, uuid()), deadline.next(STEP), t)) {
                        bobOnline(beforeBob, alice, bob);
                        chat(main, site, alice, bob);
                        room(main, site, alice, bob);
                        step = "bob leaves";
                        long from = main.mark();
                        t.removeRawSource(bob);
                        bob.close();
                        t.line("web bob", "closes the page (socket closed)");
                        Buddy gone = alice.awaitBuddy(from, BOB, StatusType.STATUS_NONE, deadline.next(STEP));
                        t.line("xmpp alice", "<- buddy bob is offline" + note(gone.getStatusMessage()));
                    }
                    finish(main, alice);
                }
            }
        }
        t.line("comet", "server stopped");
    }

    private void prepare(SiteServer site) throws DemoFailure {
        step = "store user keys over CometQL";
        site.setUserKey(ALICE);
        site.setUserKey(BOB);
        t.line("site", "users_auth over CometQL: alice = comet user " + ALICE.cometId() + ", bob = comet user "
                + BOB.cometId());
        step = "prepare " + ROOM;
        site.setHistoryLength(ROOM, HISTORY_LENGTH);
        site.publish(ROOM, BOB, EARLIER, "b0");
        t.line("site", ROOM + " keeps " + HISTORY_LENGTH + " messages; bob wrote \"" + EARLIER + "\" there earlier");
    }

    private void login(SiteServer site, XmppUser alice) throws DemoFailure {
        step = "alice logs in";
        long from = alice.login(BOB);
        t.line("xmpp alice", "logs in as " + alice.jid() + " (comet user " + ALICE.cometId()
                + ", password = her comet key), roster: bob");
        alice.awaitConnected(from, deadline.next(STEP));
        t.line("xmpp alice", "<- CONNECTED");
        step = "bob shows offline";
        Buddy offline = alice.awaitBuddy(from, BOB, StatusType.STATUS_NONE, deadline.next(STEP));
        t.line("xmpp alice", "<- buddy bob is offline" + note(offline.getStatusMessage()));
        // The bridge watches bob's presence pipe on alice's comet socket; bob comes online after that.
        awaitSubscribed(site, "user_status_" + BOB.cometId(), ALICE.cometId());
    }

    private void bobOnline(long from, XmppUser alice, WebUser bob) throws DemoFailure {
        step = "bob's socket is authorized";
        JsonNode info = bob.await(f -> "serverInfo".equals(f.path("event").asText()), deadline.next(STEP), "serverInfo");
        if (!info.path("authorized").asBoolean()) {
            throw new DemoFailure("bob's key was not accepted: " + info);
        }
        t.line("web bob", "opens the page: comet socket as user " + BOB.cometId() + ", authorized");
        step = "bob shows online";
        Buddy online = alice.awaitBuddy(from, BOB, StatusType.STATUS_ONLINE, deadline.next(STEP));
        t.line("xmpp alice", "<- buddy bob is online" + note(online.getStatusMessage()));
    }

    private void chat(SpectrumMain main, SiteServer site, XmppUser alice, WebUser bob) throws DemoFailure {
        step = "alice -> bob";
        long from = alice.send(BOB.legacyName(), TO_WEB, "m1");
        t.line("xmpp alice", "-> bob: " + TO_WEB);
        JsonNode got = bob.await(f -> "msg".equals(f.path("pipe").asText())
                && WebUser.body(f).map(b -> TO_WEB.equals(b.path("text").asText())).orElse(false),
                deadline.next(STEP), "the private message from alice");
        t.line("web bob", "<- " + DemoUser.nameOf(WebUser.body(got).orElseThrow().path("from").asText()) + ": " + TO_WEB);
        step = "receipt";
        alice.awaitAck(from, "m1", deadline.next(STEP));
        t.line("xmpp alice", "<- receipt for m1 (comet accepted it)");

        step = "bob -> alice";
        from = main.mark();
        site.sendPrivate(BOB, ALICE, TO_XMPP, "w1");
        t.line("web bob", "-> alice: " + TO_XMPP + "  (the site inserts the JSON body into users_messages)");
        ConversationMessage m = alice.awaitMessage(from, BOB.legacyName(), TO_XMPP, deadline.next(STEP));
        t.line("xmpp alice", "<- " + DemoUser.nameOf(m.getBuddyName()) + ": " + m.getMessage());
    }

    private void room(SpectrumMain main, SiteServer site, XmppUser alice, WebUser bob) throws DemoFailure {
        step = "bob subscribes to " + ROOM;
        bob.subscribe(ROOM);
        awaitSubscribed(site, ROOM, BOB.cometId());
        t.line("web bob", "subscribes to " + ROOM);

        step = "alice joins " + ROOM;
        long from = alice.joinRoom(ROOM, ALICE.name());
        t.line("xmpp alice", "joins " + ROOM + " as alice");
        List<Participant> who = alice.awaitParticipants(from, ROOM, deadline.next(STEP));
        if (who.size() < 2 || !who.get(who.size() - 1).getNickname().equals(ALICE.name())) {
            throw main.failure("participants of " + ROOM + " should end with alice (flag ME): " + who);
        }
        t.line("xmpp alice", "<- " + ROOM + " participants: " + who.stream().map(p -> p.getNickname()
                + ((p.getFlag() & XmppUser.FLAG_ME) != 0 ? " (me)" : "")).collect(Collectors.joining(", ")));
        step = ROOM + " history";
        ConversationMessage earlier = alice.awaitMessage(from, ROOM, EARLIER, deadline.next(STEP));
        t.line("xmpp alice", "<- " + ROOM + " history [" + time(earlier.getTimestamp()) + " UTC] "
                + earlier.getNickname() + ": " + earlier.getMessage());

        step = "alice -> " + ROOM;
        from = alice.send(ROOM, ROOM_FROM_XMPP, "m2");
        t.line("xmpp alice", "-> " + ROOM + ": " + ROOM_FROM_XMPP);
        JsonNode got = bob.await(f -> ROOM.equals(f.path("pipe").asText())
                && WebUser.body(f).map(b -> ROOM_FROM_XMPP.equals(b.path("text").asText())).orElse(false),
                deadline.next(STEP), "alice's room message");
        t.line("web bob", "<- " + ROOM + " " + WebUser.body(got).orElseThrow().path("nick").asText() + ": "
                + ROOM_FROM_XMPP);
        ConversationMessage echo = alice.awaitMessage(from, ROOM, ROOM_FROM_XMPP, deadline.next(STEP));
        t.line("xmpp alice", "<- " + ROOM + " " + echo.getNickname() + ": " + ROOM_FROM_XMPP + " (echo)");

        step = "bob -> " + ROOM;
        from = main.mark();
        site.publish(ROOM, BOB, ROOM_FROM_WEB, "w2");
        t.line("web bob", "-> " + ROOM + ": " + ROOM_FROM_WEB + "  (the site inserts into pipes_messages)");
        ConversationMessage m = alice.awaitMessage(from, ROOM, ROOM_FROM_WEB, deadline.next(STEP));
        t.line("xmpp alice", "<- " + ROOM + " " + m.getNickname() + ": " + m.getMessage());
    }

    private void finish(SpectrumMain main, XmppUser alice) throws DemoFailure {
        step = "alice logs out";
        alice.logout();
        t.line("xmpp alice", "logs out (LEAVE_ROOM " + ROOM + ", LOGOUT)");
        main.requireNoViolations();
        step = "backend exits";
        int code = main.exit(deadline.next(STEP));
        if (code != 0) {
            throw main.failure("the backend exited with code " + code + " after EXIT (expected 0)");
        }
        t.line("spectrum", "EXIT: backend exited with code 0");
    }

    /** Polls users_in_pipes: a subscription command has no answer on success. */
    private void awaitSubscribed(SiteServer site, String pipe, long userId) throws DemoFailure {
        Duration wait = deadline.next(STEP);
        long end = System.nanoTime() + wait.toNanos();
        while (!site.subscribers(pipe).contains(userId)) {
            if (System.nanoTime() > end) {
                throw new DemoFailure("user " + userId + " is not subscribed to " + pipe + " after " + wait.toMillis()
                        + " ms");
            }
            pause();
        }
    }

    private static void pause() throws DemoFailure {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailure("interrupted", e);
        }
    }

    private static String note(String statusMessage) {
        return statusMessage.isEmpty() ? "" : " (" + statusMessage + ")";
    }

    private static String time(String spectrumTimestamp) {
        try {
            return LocalDateTime.parse(spectrumTimestamp.substring(0, 15), SPECTRUM_TIME).toLocalTime().toString();
        } catch (RuntimeException e) {
            return spectrumTimestamp;
        }
    }

    private static String uuid() {
        byte[] b = new byte[16];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}

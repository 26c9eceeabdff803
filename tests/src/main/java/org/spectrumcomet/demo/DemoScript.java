package org.spectrumcomet.demo;

import static org.spectrumcomet.demo.DemoUser.ALICE;
import static org.spectrumcomet.demo.DemoUser.BOB;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.spectrumcomet.protocol.pb.Protocol.Buddy;
import org.spectrumcomet.protocol.pb.Protocol.StatusType;

/**
 * The demo's story, one step after the other; each step waits for its evidence (a frame at the
 * main instance, a frame on the web socket) and prints one transcript line, or fails naming what
 * did not happen. Resources are closed in reverse order whatever happens.
 */
final class DemoScript {

    private final Steps steps;
    private final Conversation talk;
    private final Duration stay;

    DemoScript(Transcript transcript, Deadline deadline, Duration stay) {
        this.steps = new Steps(transcript, deadline);
        this.talk = new Conversation(steps);
        this.stay = stay;
    }

    /** The step running now (or the one that failed). */
    String step() {
        return steps.current();
    }

    void run(String backendCommand, Path workDir) throws DemoFailure {
        steps.begin("start our comet server");
        try (InProcessComet comet = InProcessComet.start()) {
            steps.line("comet", "our comet server: CometQL 127.0.0.1:" + comet.cometqlPort() + ", WebSocket "
                    + comet.websocketBase() + " (in memory, tenant " + InProcessComet.DEV_ID + ")");
            steps.line("comet", "metrics: curl " + comet.metricsUrl() + " (health: " + comet.healthUrl() + ")");
            try (SiteServer site = SiteServer.connect(comet.cometqlPort(), InProcessComet.TENANT_KEY,
                    steps.transcript)) {
                prepare(site);
                steps.begin("spawn the backend");
                int backendMetricsPort = FreePort.pick();
                try (SpectrumMain main = SpectrumMain.spawn(backendCommand,
                        comet.bridgeSection(Conversation.HISTORY_LENGTH) + metricsSection(backendMetricsPort), workDir)) {
                    steps.transcript.addRawSource(main);
                    steps.line("spectrum", "main instance on 127.0.0.1:" + main.port() + " spawned " + backendCommand
                            + " (pid " + main.pid() + ")");
                    steps.begin("backend answers PING");
                    main.awaitReady(steps.allowance());
                    steps.line("spectrum", "backend ready (PONG); its metrics: curl http://127.0.0.1:"
                            + backendMetricsPort + "/metrics");
                    XmppUser alice = main.user(ALICE);
                    login(site, alice);
                    long beforeBob = main.mark();
                    try (WebUser bob = WebUser.connect(BOB, comet.userSocket(BOB, uuid()), steps.allowance(),
                            steps.transcript)) {
                        bobOnline(beforeBob, alice, bob);
                        talk.chat(main, site, alice, bob);
                        talk.room(main, site, alice, bob);
                        stayUp(comet);
                        steps.begin("bob leaves");
                        long from = main.mark();
                        steps.transcript.removeRawSource(bob);
                        bob.close();
                        steps.line("web bob", "closes the page (socket closed)");
                        Buddy gone = alice.awaitBuddy(from, BOB, StatusType.STATUS_NONE, steps.allowance());
                        steps.line("xmpp alice", "<- buddy bob is offline" + note(gone.getStatusMessage()));
                    }
                    finish(main, alice);
                }
            }
        }
        steps.line("comet", "server stopped");
    }

    private void prepare(SiteServer site) throws DemoFailure {
        steps.begin("store user keys over CometQL");
        site.setUserKey(ALICE);
        site.setUserKey(BOB);
        steps.line("site", "users_auth over CometQL: alice = comet user " + ALICE.cometId() + ", bob = comet user "
                + BOB.cometId());
        talk.prepareRoom(site);
    }

    /** The backend's optional {@code [metrics]} listener (issue 10), so its counters can be watched. */
    private static String metricsSection(int port) {
        return "[metrics]\nlisten = 127.0.0.1:" + port + "\n";
    }

    /** With {@code --stay}: everything keeps running, bob online and alice logged in, for a look by hand. */
    private void stayUp(InProcessComet comet) throws DemoFailure {
        if (stay.isZero()) {
            return;
        }
        steps.begin("stay up");
        steps.line("demo", "staying up " + stay.toSeconds() + " s: open " + comet.chatUrl() + ", sign in as bob (user "
                + BOB.cometId() + ", key " + BOB.key() + ") and chat with " + ALICE.cometId() + " (XMPP alice)");
        try {
            Thread.sleep(stay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailure("interrupted while staying up", e);
        }
    }

    private void login(SiteServer site, XmppUser alice) throws DemoFailure {
        steps.begin("alice logs in");
        long from = alice.login(BOB);
        steps.line("xmpp alice", "logs in as " + alice.jid() + " (comet user " + ALICE.cometId()
                + ", password = her comet key), roster: bob");
        alice.awaitConnected(from, steps.allowance());
        steps.line("xmpp alice", "<- CONNECTED");
        steps.begin("bob shows offline");
        Buddy offline = alice.awaitBuddy(from, BOB, StatusType.STATUS_NONE, steps.allowance());
        steps.line("xmpp alice", "<- buddy bob is offline" + note(offline.getStatusMessage()));
        // The bridge watches bob's presence pipe on alice's comet socket; bob comes online after that.
        steps.awaitSubscribed(site, "user_status_" + BOB.cometId(), ALICE.cometId());
    }

    private void bobOnline(long from, XmppUser alice, WebUser bob) throws DemoFailure {
        steps.begin("bob's socket is authorized");
        JsonNode info = bob.await(f -> "serverInfo".equals(f.path("event").asText()), steps.allowance(), "serverInfo");
        if (!info.path("authorized").asBoolean()) {
            throw new DemoFailure("bob's key was not accepted: " + info);
        }
        steps.line("web bob", "opens the page: comet socket as user " + BOB.cometId() + ", authorized");
        steps.begin("bob shows online");
        Buddy online = alice.awaitBuddy(from, BOB, StatusType.STATUS_ONLINE, steps.allowance());
        steps.line("xmpp alice", "<- buddy bob is online" + note(online.getStatusMessage()));
    }

    private void finish(SpectrumMain main, XmppUser alice) throws DemoFailure {
        steps.begin("alice logs out");
        main.requireNoViolations();
        long atLogout = main.violationMark();
        alice.logout();
        steps.line("xmpp alice", "logs out (LEAVE_ROOM " + Conversation.ROOM + ", LOGOUT)");
        steps.begin("backend exits");
        int code = main.exit(steps.allowance());
        if (code != 0) {
            throw main.failure("the backend exited with code " + code + " after EXIT (expected 0)");
        }
        main.requireNoViolations(atLogout, false);
        steps.line("spectrum", "EXIT: backend exited with code 0");
    }

    private static String note(String statusMessage) {
        return statusMessage.isEmpty() ? "" : " (" + statusMessage + ")";
    }

    private static String uuid() {
        byte[] b = new byte[16];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}

package org.spectrumcomet.peers.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.chat2.ChatManager;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spectrumcomet.conformance.comet.WebFrame;
import org.spectrumcomet.conformance.comet.WebUser;
import org.spectrumcomet.peers.Deadline;
import org.spectrumcomet.peers.RawSaslLogin;
import org.spectrumcomet.peers.SmackClients;
import org.spectrumcomet.peers.SpectrumServerFixture;

/**
 * Logging in through the real Spectrum 2 to the bridge: the XMPP user {@code <id>@localhost} with
 * the comet key as password. The comet server decides (the bridge's CONNECTED waits for its
 * serverInfo), and what the XMPP user sees is checked against what comet recorded.
 */
@Tag("peers")
class CometLoginIT {

    /** Smack never parses Spectrum's condition-less SASL failure (PEERS.md): it waits this long. */
    private static final long SASL_FAILURE_WAIT_MS = 2_000;
    private static final Duration WAIT = Duration.ofMillis(SmackClients.REPLY_TIMEOUT_MS);

    @RegisterExtension
    static final BridgeChainFixture CHAIN = BridgeChainFixture.create();

    @Test
    void validIdAndKeyLogInTheRosterArrivesAndCometSeesTheUserOnline() throws Exception {
        WebUser watcher = CHAIN.comet().web(190);
        watcher.subscribe("user_status_101");
        long mark = watcher.mark();

        XMPPTCPConnection user = CHAIN.login(101);

        assertThat(user.isAuthenticated()).isTrue();
        assertThat(user.getUser().asBareJid().toString()).isEqualTo("101@localhost");
        Roster roster = Roster.getInstanceFor(user);
        Deadline.await("the roster arrived", roster::isLoaded);
        assertThat(roster.getEntries()).as("a new user's roster (Spectrum's database is empty)").isEmpty();
        // Comet's side: the bridge's socket for 101 is an authorised connection.
        assertThat(watcher.await(mark, f -> f.pipe().equals("user_status_101") && f.event().equals("online"), WAIT))
                .as("user_status_101 'online' seen by a web page").isPresent();
        assertThat(CHAIN.comet().cometql().lastOnline(101)).as("users_time of 101 (0 = online now)").isZero();
    }

    @Test
    void wrongKeyIsRefusedWithCometsReasonAndTheUserNeverReachesComet() throws Exception {
        String answer = RawSaslLogin.answer(CHAIN.spectrum().xmppPort(), SpectrumServerFixture.DOMAIN, "102",
                CometSite.keyOf(999));

        assertThat(answer).as("the literal SASL answer")
                .contains("<failure xmlns=\"urn:ietf:params:xml:ns:xmpp-sasl\"")
                .contains("comet rejected the key of user 102")
                .doesNotContain("<success");
        assertThat(CHAIN.comet().cometql().lastOnline(102)).as("users_time of 102 (-1 = never online)").isEqualTo(-1);
    }

    @Test
    void invalidIdIsRefusedWithTheBridgesReason() throws Exception {
        String answer = RawSaslLogin.answer(CHAIN.spectrum().xmppPort(), SpectrumServerFixture.DOMAIN, "abc",
                CometSite.keyOf(103));

        assertThat(answer).as("the literal SASL answer")
                .contains("<failure xmlns=\"urn:ietf:params:xml:ns:xmpp-sasl\"")
                .contains("is not a comet user id")
                .doesNotContain("<success");
    }

    /** Spectrum logs "Starting new backend" for every backend process it spawns (also a replacement). */
    private static long backendsStarted() throws java.io.IOException {
        String log = new String(java.nio.file.Files.readAllBytes(CHAIN.dir().resolve("spectrum.log")),
                java.nio.charset.StandardCharsets.UTF_8);
        return log.lines().filter(line -> line.contains("Starting new backend")).count();
    }

    @Test
    void failedLoginsLeaveAnotherUsersChatWorking() throws Exception {
        XMPPTCPConnection alive = CHAIN.login(104);
        WebUser friend = CHAIN.comet().web(105);

        XMPPTCPConnection refused = CHAIN.xmpp().connect("106", "not-the-key-of-106");
        refused.setReplyTimeout(SASL_FAILURE_WAIT_MS);
        assertThatThrownBy(refused::login).isInstanceOf(SmackException.class);
        assertThat(refused.isAuthenticated()).isFalse();
        XMPPTCPConnection invalid = CHAIN.xmpp().connect("0", CometSite.keyOf(1));
        invalid.setReplyTimeout(SASL_FAILURE_WAIT_MS);
        assertThatThrownBy(invalid::login).isInstanceOf(SmackException.class);

        long mark = friend.mark();
        ChatManager.getInstanceFor(alive).chatWith(CHAIN.jid(105)).send("still here");
        WebFrame got = friend.await(mark, f -> f.isPrivate() && "still here".equals(f.body().text()), WAIT)
                .orElseThrow(() -> new AssertionError("web user 105 got no message from 104: " + friend.frames(mark, f -> true)));
        assertThat(got.body().from()).isEqualTo("104");
        assertThat(alive.isAuthenticated()).isTrue();
        assertThat(backendsStarted()).as("backend processes Spectrum started (spectrum.log)").isEqualTo(1);
    }
}

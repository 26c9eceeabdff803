package org.spectrumcomet.bridge.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spectrumcomet.bridge.session.BridgeFixture.JID;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spectrumcomet.protocol.pb.Protocol;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

class SessionsTest {

    private final BridgeFixture f = new BridgeFixture();

    private Protocol.Disconnected onlyDisconnect() {
        assertThat(f.main.types()).doesNotContain(Type.TYPE_CONNECTED);
        assertThat(f.main.disconnects()).hasSize(1);
        return f.main.disconnects().get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "0", "1234567890", "-5", "", "12 3", "42@comet"})
    void aLegacyNameThatIsNoCometIdIsInvalidUsername(String legacyName) {
        f.login(JID, legacyName, "key");

        Protocol.Disconnected d = onlyDisconnect();
        assertThat(d.getError()).isEqualTo(1);
        assertThat(d.getMessage()).contains("not a comet user id").contains("at most 9 digits");
        assertThat(f.network.links).isEmpty();
    }

    @Test
    void nineDigitIdIsAccepted() {
        f.login(JID, "999999999", "k");
        assertThat(f.network.link().userId).isEqualTo(999_999_999L);
    }

    @Test
    void aMissingKeyIsAuthenticationFailed() {
        f.login(JID, "42", "");
        Protocol.Disconnected d = onlyDisconnect();
        assertThat(d.getError()).isEqualTo(2);
        assertThat(d.getMessage()).contains("no comet key");
    }

    @Test
    void aMalformedKeyIsAuthenticationFailedWithoutOpeningASocket() {
        f.login(JID, "42", "a&myid=7");
        assertThat(onlyDisconnect().getError()).isEqualTo(2);
        assertThat(f.network.links).isEmpty();
    }

    @Test
    void connectedOnlyAfterCometAcceptedTheUser() {
        f.login(JID, "42", "hash42");
        assertThat(f.network.link().key).isEqualTo("hash42");
        assertThat(f.main.frames).isEmpty();

        f.network.link().accept();

        assertThat(f.main.of(Type.TYPE_CONNECTED, Protocol.Connected.class)).singleElement()
                .satisfies(c -> assertThat(c.getUser()).isEqualTo(JID));
        assertThat(f.main.disconnects()).isEmpty();
    }

    @Test
    void aRejectedKeyIsAuthenticationFailed() {
        f.login(JID, "42", "wrong");
        f.network.link().reject();

        Protocol.Disconnected d = onlyDisconnect();
        assertThat(d.getError()).isEqualTo(2);
        assertThat(d.getMessage()).contains("rejected the key of user 42");
        assertThat(f.network.link().closed).isTrue();
    }

    @Test
    void anUnreachableCometIsNetworkError() {
        f.login(JID, "42", "k");
        f.network.link().unreachable("Connection refused");

        Protocol.Disconnected d = onlyDisconnect();
        assertThat(d.getError()).isEqualTo(0);
        assertThat(d.getMessage()).contains("unreachable").contains("Connection refused");
    }

    @Test
    void noAnswerWithinTheLoginTimeoutIsNetworkError() {
        f.login(JID, "42", "k");
        assertThat(f.timer.fire(f.settings.loginTimeout())).isEqualTo(1);

        Protocol.Disconnected d = onlyDisconnect();
        assertThat(d.getError()).isEqualTo(0);
        assertThat(d.getMessage()).contains("did not answer within 10 s");
        assertThat(f.network.link().closed).isTrue();

        f.network.link().accept();
        assertThat(f.main.types()).doesNotContain(Type.TYPE_CONNECTED);
    }

    @Test
    void logoutClosesOnlyThatUsersSocketAndSendsNothing() {
        FakeNetwork.Link alice = f.connect(JID, 42);
        FakeNetwork.Link bob = f.connect("bob@example.org", 43);
        f.main.clear();

        f.logout(JID);

        assertThat(alice.closed).isTrue();
        assertThat(bob.closed).isFalse();
        assertThat(f.main.frames).isEmpty();
        assertThat(f.sessions.find(JID)).isEmpty();
        assertThat(f.sessions.find("bob@example.org")).isPresent();
    }

    @Test
    void noFrameLeavesAfterLogoutEvenFromCallbacksUnderWay() {
        FakeNetwork.Link link = f.connect(JID, 42);
        f.joinRoom(JID, "lobby", "alice");
        f.handlers.buddies().orElseThrow().buddies(Protocol.Buddies.newBuilder()
                .addBuddy(f.buddy(JID, "17")).addBuddy(f.buddy(JID, "18")).build());
        f.network.holdSends = true;
        f.send(JID, "lobby", "in flight", "s1");
        f.send(JID, "17", "also in flight", "s2");
        f.network.queryGate = new java.util.concurrent.CompletableFuture<>();
        link.listener.linkLost("reset");
        link.listener.linkRestored(true); // a presence refresh and a replay now wait for comet
        f.main.clear();

        f.logout(JID);
        f.network.sent.forEach(s -> s.result().complete(null));
        f.network.queryGate.complete(null);
        link.listener.pipeMessage(new CometMessage("user_status_17", "offline", "", 0, 0, false));
        f.timer.fire(Duration.ofMinutes(10));

        assertThat(f.main.frames).isEmpty();
    }

    @Test
    void aLogoutArrivingWhileATaskSendsStopsItsRemainingFrames() {
        f.network.lastOnline.put(17L, 0L);
        f.network.lastOnline.put(18L, 0L);
        FakeNetwork.Link link = f.connect(JID, 42);
        f.handlers.buddies().orElseThrow().buddies(Protocol.Buddies.newBuilder()
                .addBuddy(f.buddy(JID, "17")).addBuddy(f.buddy(JID, "18")).build());
        link.listener.linkLost("reset");
        f.main.afterFrame = frame -> {
            if (frame.type() == Type.TYPE_BUDDY_CHANGED) {
                f.logout(JID); // the main's LOGOUT, handled on another thread in the real process
            }
        };
        f.main.clear();

        link.listener.linkRestored(true); // one presence answer for both buddies

        assertThat(f.main.buddies()).extracting(Protocol.Buddy::getBuddyName).containsExactly("17");
    }

    @Test
    void logoutWithoutSessionIsIgnored() {
        f.logout(JID);
        assertThat(f.main.frames).isEmpty();
    }

    @Test
    void aSecondLoginReplacesTheSessionSilently() {
        FakeNetwork.Link first = f.connect(JID, 42);
        f.main.clear();

        f.login(JID, "42", "k2");
        FakeNetwork.Link second = f.network.link();

        assertThat(first.closed).isTrue();
        assertThat(second).isNotSameAs(first);
        assertThat(f.main.frames).isEmpty();
        second.accept();
        assertThat(f.main.types()).containsExactly(Type.TYPE_CONNECTED);
    }

    @Test
    void aLostSocketKeepsTheUserLoggedInDuringTheGracePeriod() {
        FakeNetwork.Link link = f.connect(JID, 42);
        f.main.clear();

        link.listener.linkLost("connection reset");
        assertThat(f.timer.pending(f.grace())).isTrue();
        link.listener.linkRestored(true);

        assertThat(f.timer.fire(f.grace())).isZero();
        assertThat(f.main.disconnects()).isEmpty();
        assertThat(f.sessions.find(JID).orElseThrow().state()).isEqualTo(UserSession.State.CONNECTED);
    }

    @Test
    void pastTheGracePeriodTheUserIsDisconnectedWithNetworkError() {
        FakeNetwork.Link link = f.connect(JID, 42);

        link.listener.linkLost("connection reset");
        f.timer.fire(f.grace());

        assertThat(f.main.disconnects()).singleElement().satisfies(d -> {
            assertThat(d.getError()).isEqualTo(0);
            assertThat(d.getMessage()).contains("longer than 60 s").contains("connection reset");
        });
        assertThat(link.closed).isTrue();
        assertThat(f.sessions.find(JID)).isEmpty();
    }

    @Test
    void aZeroGracePeriodDisconnectsAtOnce() {
        BridgeFixture g = new BridgeFixture(Map.of("grace_period", "0"));
        FakeNetwork.Link link = g.connect(JID, 42);
        link.listener.linkLost("reset");
        g.timer.fire(Duration.ZERO);
        assertThat(g.main.disconnects()).singleElement().satisfies(d -> assertThat(d.getError()).isZero());
    }

    @Test
    void aKeyRefusedOnReconnectIsAuthenticationFailed() {
        FakeNetwork.Link link = f.connect(JID, 42);
        link.listener.linkLost("reset");
        link.listener.linkRestored(false);

        assertThat(f.main.disconnects()).singleElement().satisfies(d -> assertThat(d.getError()).isEqualTo(2));
    }

    @Test
    void oneUsersSilentSocketDoesNotDelayAnother() {
        f.login(JID, "42", "k");
        FakeNetwork.Link hung = f.network.link();
        FakeNetwork.Link bob = f.connect("bob@example.org", 43);

        assertThat(hung.opening).isNotDone();
        assertThat(f.main.of(Type.TYPE_CONNECTED, Protocol.Connected.class))
                .extracting(Protocol.Connected::getUser).containsExactly("bob@example.org");
        assertThat(bob.closed).isFalse();
    }

    @Test
    void aPublicRoomListFollowsConnected() {
        BridgeFixture g = new BridgeFixture(Map.of("public_rooms", "lobby, x---23news"));
        g.connect(JID, 42);
        assertThat(g.main.types()).containsSubsequence(Type.TYPE_CONNECTED, Type.TYPE_ROOM_LIST);
        Protocol.RoomList list = g.main.of(Type.TYPE_ROOM_LIST, Protocol.RoomList.class).get(0);
        assertThat(list.getRoomList()).containsExactly("lobby", "#news");
        assertThat(list.getUser()).isEqualTo(JID);
    }
}

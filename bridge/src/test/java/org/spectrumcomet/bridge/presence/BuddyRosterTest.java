package org.spectrumcomet.bridge.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spectrumcomet.bridge.session.BridgeFixture.JID;
import static org.spectrumcomet.bridge.session.BridgeFixture.NOW;

import org.junit.jupiter.api.Test;
import org.spectrumcomet.backend.handler.BuddyHandler;
import org.spectrumcomet.bridge.comet.CometBody;
import org.spectrumcomet.bridge.comet.CometBodyCodec;
import org.spectrumcomet.bridge.session.BridgeFixture;
import org.spectrumcomet.bridge.session.CometMessage;
import org.spectrumcomet.bridge.session.FakeNetwork;
import org.spectrumcomet.protocol.pb.Protocol;

class BuddyRosterTest {

    private final BridgeFixture f = new BridgeFixture();

    private BuddyHandler roster() {
        return f.handlers.buddies().orElseThrow();
    }

    private Protocol.Buddy last() {
        return f.main.buddies().get(f.main.buddies().size() - 1);
    }

    @Test
    void buddiesFromTheMainGetTheirFullStateAfterConnected() {
        f.network.lastOnline.put(17L, 0L);
        f.network.lastOnline.put(18L, NOW.getEpochSecond() - 7200);
        f.login(JID, "42", "k");
        roster().buddies(Protocol.Buddies.newBuilder().addBuddy(f.buddy(JID, "17")).addBuddy(f.buddy(JID, "18"))
                .addBuddy(f.buddy(JID, "19")).addBuddy(f.buddy(JID, "not-an-id")).build());
        assertThat(f.main.buddies()).isEmpty();

        FakeNetwork.Link link = f.network.link();
        link.accept();

        assertThat(f.main.buddies()).extracting(Protocol.Buddy::getBuddyName).containsExactly("17", "18", "19");
        Protocol.Buddy online = f.main.buddies().get(0);
        assertThat(online.getStatus()).isEqualTo(Protocol.StatusType.STATUS_ONLINE);
        Protocol.Buddy away = f.main.buddies().get(1);
        assertThat(away.getStatus()).isEqualTo(Protocol.StatusType.STATUS_NONE);
        assertThat(away.getStatusMessage()).isEqualTo("last seen 2026-11-23 10:00 UTC");
        assertThat(f.main.buddies().get(2).getStatus()).isEqualTo(Protocol.StatusType.STATUS_NONE);
        assertThat(f.main.buddies().get(2).getStatusMessage()).isEmpty();
        assertThat(link.subscribed()).containsExactlyInAnyOrder("user_status_17", "user_status_18", "user_status_19");
    }

    @Test
    void statusEventsChangeTheBuddyAndRemovalStopsTracking() {
        FakeNetwork.Link link = f.connect(JID, 42);
        roster().buddyChanged(f.buddy(JID, "17"));
        f.main.clear();

        link.listener.pipeMessage(new CometMessage("user_status_17", "online", "online", 0, 0, false));
        assertThat(last().getStatus()).isEqualTo(Protocol.StatusType.STATUS_ONLINE);
        link.listener.pipeMessage(new CometMessage("user_status_17", "status_away",
                CometBodyCodec.encode(CometBody.text("17", null, "at lunch", null, 0)), 0, 0, false));
        assertThat(last().getStatus()).isEqualTo(Protocol.StatusType.STATUS_AWAY);
        assertThat(last().getStatusMessage()).isEqualTo("at lunch");
        link.listener.pipeMessage(new CometMessage("user_status_17", "offline", "offline", 0,
                NOW.getEpochSecond(), false));
        assertThat(last().getStatus()).isEqualTo(Protocol.StatusType.STATUS_NONE);
        assertThat(last().getStatusMessage()).isEqualTo("last seen 2026-11-23 12:00 UTC");

        roster().buddyRemoved(f.buddy(JID, "17"));
        int frames = f.main.frames.size();
        assertThat(link.subscribed()).doesNotContain("user_status_17");
        link.listener.pipeMessage(new CometMessage("user_status_17", "online", "online", 0, 0, false));
        assertThat(f.main.frames).hasSize(frames);
    }

    @Test
    void statusChangedIsPublishedOnTheUsersStatusPipe() {
        f.connect(JID, 42);
        f.handlers.session().orElseThrow().statusChanged(Protocol.Status.newBuilder().setUserName(JID)
                .setStatus(Protocol.StatusType.STATUS_DND).setStatusMessage("busy").build());
        f.handlers.session().orElseThrow().statusChanged(Protocol.Status.newBuilder().setUserName(JID)
                .setStatus(Protocol.StatusType.STATUS_INVISIBLE).build());

        assertThat(f.network.sentTo("user_status_42")).singleElement().satisfies(s -> {
            assertThat(s.event()).isEqualTo("status_dnd");
            assertThat(s.body().text()).isEqualTo("busy");
            assertThat(s.body().from()).isEqualTo("42");
        });
    }

    @Test
    void buddiesBeyondTheSubscriptionBoundArePolledOnly() {
        BridgeFixture g = new BridgeFixture(java.util.Map.of("max_subscriptions", "2", "presence_poll", "30s"));
        FakeNetwork.Link link = g.connect(JID, 42);
        for (int id = 10; id < 14; id++) {
            g.handlers.buddies().orElseThrow().buddyChanged(g.buddy(JID, Integer.toString(id)));
        }
        assertThat(link.subscribed()).containsExactlyInAnyOrder("user_status_10", "user_status_11");

        g.network.lastOnline.put(13L, 0L);
        g.main.clear();
        g.timer.fire(java.time.Duration.ofSeconds(30));
        assertThat(g.main.buddies()).singleElement().satisfies(b -> {
            assertThat(b.getBuddyName()).isEqualTo("13");
            assertThat(b.getStatus()).isEqualTo(Protocol.StatusType.STATUS_ONLINE);
        });
    }

    @Test
    void aUsersTimeAnswerReadBeforeALiveEventDoesNotOverwriteIt() {
        FakeNetwork.Link link = f.connect(JID, 42);
        f.network.queryGate = new java.util.concurrent.CompletableFuture<>();
        roster().buddyChanged(f.buddy(JID, "17"));
        // users_time said "never seen" while the query was in flight; then the buddy connected.
        link.listener.pipeMessage(new CometMessage("user_status_17", "online", "online", 0, 0, false));
        assertThat(last().getStatus()).isEqualTo(Protocol.StatusType.STATUS_ONLINE);
        int frames = f.main.frames.size();

        f.network.queryGate.complete(null);

        assertThat(f.main.frames).as("the stale row sent nothing").hasSize(frames);
        assertThat(last().getStatus()).isEqualTo(Protocol.StatusType.STATUS_ONLINE);
        f.network.queryGate = null;
        f.network.lastOnline.put(17L, NOW.getEpochSecond() - 60);
        roster().buddyChanged(f.buddy(JID, "18"));
        assertThat(last().getBuddyName()).as("a fresh answer still counts").isEqualTo("18");
    }
}

package org.spectrumcomet.bridge.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.spectrumcomet.backend.Handlers;
import org.spectrumcomet.backend.config.TransportConfig;
import org.spectrumcomet.bridge.CometBridge;
import org.spectrumcomet.bridge.config.CometSettings;
import org.spectrumcomet.protocol.pb.Protocol;

/**
 * The whole bridge over a {@link FakeNetwork}, a {@link ManualTimer}, a fixed clock and the
 * library's real frame builder; every task runs inline on the test thread, so each call returns
 * with all its frames written.
 */
public final class BridgeFixture {

    public static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    public static final String JID = "alice@example.org";

    public final FakeNetwork network = new FakeNetwork();
    public final ManualTimer timer = new ManualTimer();
    public final RecordingMain main = new RecordingMain();
    public final CometSettings settings;
    public final Sessions sessions;
    public final Handlers handlers;

    public BridgeFixture() {
        this(Map.of());
    }

    /** {@code extra}: {@code [comet]} keys (without the section) on top of {@code dev_key}. */
    public BridgeFixture(Map<String, String> extra) {
        Map<String, String> values = new HashMap<>();
        values.put("comet.dev_key", "CometQLPassword");
        values.put("comet.presence_poll", "5m"); // apart from grace_period's 60 s in the manual timer
        extra.forEach((k, v) -> values.put("comet." + k, v));
        settings = CometSettings.from(TransportConfig.of(values));
        SessionServices services = new SessionServices(main.main, network, settings, timer,
                Clock.fixed(NOW, ZoneOffset.UTC), Runnable::run);
        sessions = new Sessions(services);
        handlers = CometBridge.handlers(services, sessions, () -> { });
    }

    public void login(String jid, String legacyName, String key) {
        main.ledger.loginReceived(jid);
        handlers.session().orElseThrow().login(Protocol.Login.newBuilder()
                .setUser(jid).setLegacyName(legacyName).setPassword(key).build());
    }

    /** LOGIN as comet user {@code id} and comet accepts: the session is CONNECTED. */
    public FakeNetwork.Link connect(String jid, long id) {
        login(jid, Long.toString(id), "key" + id);
        FakeNetwork.Link link = network.link();
        link.accept();
        return link;
    }

    public void logout(String jid) {
        main.ledger.loggedOut(jid);
        handlers.session().orElseThrow().logout(Protocol.Logout.newBuilder().setUser(jid).setLegacyName("").build());
    }

    public void joinRoom(String jid, String room, String nick) {
        handlers.rooms().orElseThrow().joinRoom(Protocol.Room.newBuilder()
                .setUserName(jid).setRoom(room).setNickname(nick).build());
    }

    public void send(String jid, String buddy, String text, String id) {
        handlers.messages().orElseThrow().message(Protocol.ConversationMessage.newBuilder()
                .setUserName(jid).setBuddyName(buddy).setMessage(text).setId(id).build());
    }

    public Protocol.Buddy buddy(String jid, String name) {
        return Protocol.Buddy.newBuilder().setUserName(jid).setBuddyName(name).build();
    }

    public Duration grace() {
        return settings.gracePeriod();
    }
}

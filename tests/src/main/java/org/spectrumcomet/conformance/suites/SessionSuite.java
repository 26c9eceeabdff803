package org.spectrumcomet.conformance.suites;

import java.time.Duration;
import java.util.List;
import org.spectrumcomet.conformance.driver.LegacyAccount;
import org.spectrumcomet.conformance.driver.LegacyDriver;
import org.spectrumcomet.conformance.main.MainUser;
import org.spectrumcomet.protocol.pb.Protocol.Connected;
import org.spectrumcomet.protocol.pb.Protocol.Disconnected;
import org.spectrumcomet.protocol.pb.Protocol.Participant;
import org.spectrumcomet.protocol.pb.Protocol.StatusType;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/**
 * Protocol rules over a user session: LOGIN gets exactly one answer (§5.3), and a sweep through
 * every kind of traffic produces only frames the main can use — all proto2 required fields set,
 * timestamps in Spectrum's form, no unhandled types (checked on every frame by the kit; this
 * scenario just makes the backend send as many kinds as it can).
 */
public final class SessionSuite {

    static final Duration QUIET = Duration.ofSeconds(1);

    private SessionSuite() {
    }

    public static Suite suite() {
        return new Suite("session", Suite.Kind.PROTOCOL, List.of(
                Scenario.of("login-answered-once", SessionSuite::answeredOnce),
                Scenario.of("traffic-sweep", SessionSuite::sweep)));
    }

    private static void answeredOnce(ScenarioContext ctx) throws Exception {
        LegacyAccount account = ctx.driver().account("once");
        long from = ctx.mark();
        ctx.loginConnected(account);
        ctx.awaitNone(from, Type.TYPE_DISCONNECTED, Disconnected.class, d -> d.getUser().equals(account.jid()),
                QUIET, "DISCONNECTED after CONNECTED for a good login");
        long connected = ctx.recording().received(from).stream()
                .filter(m -> m.payload() instanceof Connected c && c.getUser().equals(account.jid())).count();
        ScenarioContext.require(connected == 1, connected + " CONNECTED frames for one LOGIN");
    }

    private static void sweep(ScenarioContext ctx) throws Exception {
        LegacyDriver driver = ctx.driver();
        LegacyAccount account = driver.account("sweep");
        MainUser user = ctx.loginConnected(account);
        String buddy = driver.buddy(account);
        String room = driver.room();
        long from = ctx.mark();
        user.changeStatus(StatusType.STATUS_AWAY, "sweeping");
        user.sendMessage(buddy, "sweep 1", "sweep-id-1");
        ctx.check(driver.awaitDelivered(ctx.recording(), from, user, buddy, "sweep 1", ScenarioContext.REPLY));
        user.typing(Type.TYPE_BUDDY_TYPING, buddy);
        user.attention(buddy, "");
        user.requestVCard(buddy);
        user.addBuddy("sweep-contact", "Sweep", "Sweepers");
        user.joinRoom(room, "sweeper");
        ctx.await(from, Type.TYPE_PARTICIPANT_CHANGED, Participant.class,
                p -> p.getRoom().equals(room) && p.getNickname().equals("sweeper"), ScenarioContext.REPLY,
                "own PARTICIPANT_CHANGED in " + room);
        user.sendMessage(room, "sweep 2", null);
        ctx.recording().awaitRecord(ctx.mark(), QUIET, r -> false); // let the replies arrive
        user.logout();
    }
}

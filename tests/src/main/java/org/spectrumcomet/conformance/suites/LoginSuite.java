package org.spectrumcomet.conformance.suites;

import static org.spectrumcomet.conformance.suites.ScenarioContext.require;

import java.util.List;
import org.spectrumcomet.conformance.driver.LegacyAccount;
import org.spectrumcomet.conformance.driver.LoginFailure;
import org.spectrumcomet.conformance.main.FrameRecord.Direction;
import org.spectrumcomet.conformance.main.MainUser;
import org.spectrumcomet.conformance.main.MainUsers;
import org.spectrumcomet.protocol.pb.Protocol.Connected;
import org.spectrumcomet.protocol.pb.Protocol.Disconnected;
import org.spectrumcomet.protocol.pb.Protocol.Login;
import org.spectrumcomet.protocol.pb.Protocol.Participant;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/**
 * Login and logout (spec §5.3, §5.4, §6): success, each failure path with its error code, the
 * main's automatic reconnection after NETWORK_ERROR (at most 3 times), and a logout after which
 * the backend stays silent about the user and accepts the user again.
 */
public final class LoginSuite {

    private LoginSuite() {
    }

    public static Suite suite() {
        return new Suite("login", Suite.Kind.SCENARIO, List.of(
                Scenario.of("success", ctx -> ctx.loginConnected(ctx.driver().account("hello"))),
                Scenario.of("authentication-failed", ctx -> finalFailure(ctx, LoginFailure.AUTHENTICATION_FAILED)),
                Scenario.of("invalid-username", ctx -> finalFailure(ctx, LoginFailure.INVALID_USERNAME)),
                Scenario.of("network-error-reconnect", LoginSuite::networkErrorOnce),
                Scenario.of("network-error-gives-up", LoginSuite::networkErrorAlways),
                Scenario.of("logout", LoginSuite::logout)));
    }

    private static LegacyAccount failing(ScenarioContext ctx, LoginFailure failure) throws ScenarioFailure {
        return ctx.driver().failingAccount(failure).orElseThrow(
                () -> new ScenarioFailure("the " + ctx.driver().name() + " driver cannot provoke " + failure));
    }

    private static void finalFailure(ScenarioContext ctx, LoginFailure failure) throws Exception {
        LegacyAccount account = failing(ctx, failure);
        long from = ctx.mark();
        ctx.user(account).login(account.legacyName(), account.password());
        Disconnected d = ctx.await(from, Type.TYPE_DISCONNECTED, Disconnected.class,
                x -> x.getUser().equals(account.jid()), ScenarioContext.REPLY, "DISCONNECTED for " + account.jid());
        require(d.getError() == failure.error(), "DISCONNECTED error " + d.getError() + ", expected " + failure.error()
                + " (" + failure + ")");
        ctx.awaitNone(from, Type.TYPE_CONNECTED, Connected.class, c -> c.getUser().equals(account.jid()),
                SessionSuite.QUIET, "CONNECTED after a failed login");
        require(logins(ctx, account) == 1, logins(ctx, account) + " LOGINs sent: a final error must not be retried");
    }

    private static void networkErrorOnce(ScenarioContext ctx) throws Exception {
        LegacyAccount account = failing(ctx, LoginFailure.NETWORK_ERROR_ONCE);
        long from = ctx.mark();
        ctx.user(account).login(account.legacyName(), account.password());
        Disconnected d = ctx.await(from, Type.TYPE_DISCONNECTED, Disconnected.class,
                x -> x.getUser().equals(account.jid()), ScenarioContext.REPLY, "DISCONNECTED for " + account.jid());
        require(d.getError() == 0, "DISCONNECTED error " + d.getError() + ", expected 0 (NETWORK_ERROR)");
        ctx.await(from, Type.TYPE_CONNECTED, Connected.class, c -> c.getUser().equals(account.jid()),
                ScenarioContext.REPLY, "CONNECTED after the main's automatic reconnect (LOGOUT, LOGIN)");
        require(logins(ctx, account) == 2, logins(ctx, account) + " LOGINs sent, expected 2");
    }

    private static void networkErrorAlways(ScenarioContext ctx) throws Exception {
        LegacyAccount account = failing(ctx, LoginFailure.NETWORK_ERROR_ALWAYS);
        long from = ctx.mark();
        ctx.user(account).login(account.legacyName(), account.password());
        int expected = MainUsers.MAX_RECONNECTS + 1;
        long deadline = System.nanoTime() + ScenarioContext.REPLY.multipliedBy(2).toNanos();
        while (ctx.main().link().users().isKnown(account.jid()) && System.nanoTime() < deadline) {
            ctx.recording().awaitReceived(ctx.mark(), java.time.Duration.ofMillis(100), m -> m.type() == Type.TYPE_DISCONNECTED);
        }
        require(!ctx.main().link().users().isKnown(account.jid()),
                "the main never gave up: fewer than " + expected + " DISCONNECTED frames arrived");
        long disconnects = ctx.recording().received(from).stream()
                .filter(m -> m.payload() instanceof Disconnected x && x.getUser().equals(account.jid())).count();
        require(disconnects == expected, disconnects + " DISCONNECTED frames, expected " + expected);
        require(logins(ctx, account) == expected, logins(ctx, account) + " LOGINs sent, expected " + expected);
        ctx.awaitNone(from, Type.TYPE_CONNECTED, Connected.class, c -> c.getUser().equals(account.jid()),
                SessionSuite.QUIET, "CONNECTED for an account that always fails");
    }

    private static void logout(ScenarioContext ctx) throws Exception {
        LegacyAccount account = ctx.driver().account("leaver");
        MainUser user = ctx.loginConnected(account);
        String room = ctx.driver().room();
        long from = ctx.mark();
        user.joinRoom(room, "leaver");
        ctx.await(from, Type.TYPE_PARTICIPANT_CHANGED, Participant.class,
                p -> p.getRoom().equals(room) && p.getNickname().equals("leaver"), ScenarioContext.REPLY,
                "own PARTICIPANT_CHANGED in " + room);
        ctx.recording().awaitRecord(ctx.mark(), RoomSuite.SETTLE, r -> false); // the rest of the join burst
        user.logout();
        ctx.recording().awaitRecord(ctx.mark(), SessionSuite.QUIET, r -> false); // frames for the user now are flagged
        require(ctx.process().isAlive(), "the backend exited after a LOGOUT");
        ctx.loginConnected(account);
    }

    private static long logins(ScenarioContext ctx, LegacyAccount account) {
        return ctx.recording().all().stream().filter(r -> r.direction() == Direction.SENT && r.message() != null
                && r.message().payload() instanceof Login l && l.getUser().equals(account.jid())).count();
    }
}

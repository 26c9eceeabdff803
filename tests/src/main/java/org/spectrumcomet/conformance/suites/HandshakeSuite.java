package org.spectrumcomet.conformance.suites;

import static org.spectrumcomet.conformance.suites.ScenarioContext.require;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.spectrumcomet.conformance.main.FrameRecord;
import org.spectrumcomet.protocol.pb.Protocol.Stats;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/**
 * The connection handshake (spec §3): the main PINGs right after accept; the backend may send
 * BACKEND_CONFIG (it must parse: checked on every frame), must PONG promptly (the kit allows 2 s;
 * until then Spectrum is not even on the XMPP network) and should send STATS with its real PID.
 */
public final class HandshakeSuite {

    static final Duration FIRST_PONG = Duration.ofSeconds(2);

    private HandshakeSuite() {
    }

    public static Suite suite() {
        return new Suite("handshake", Suite.Kind.PROTOCOL, List.of(
                Scenario.of("first-ping", HandshakeSuite::firstPing)));
    }

    private static void firstPing(ScenarioContext ctx) throws ScenarioFailure {
        Instant ping = ctx.link().firstPingAt();
        FrameRecord pong = ctx.recording().awaitReceived(0, FIRST_PONG.plusSeconds(1), m -> m.type() == Type.TYPE_PONG)
                .orElseThrow(() -> new ScenarioFailure("no PONG within " + FIRST_PONG.toMillis() + " ms of the first PING"));
        Duration answeredIn = Duration.between(ping, pong.at());
        require(answeredIn.compareTo(FIRST_PONG) <= 0,
                "the first PONG came " + answeredIn.toMillis() + " ms after the first PING (limit " + FIRST_PONG.toMillis() + " ms)");
        Stats stats = ctx.await(pong.seq(), Type.TYPE_STATS, Stats.class, s -> true, FIRST_PONG, "STATS after the first PONG");
        require(stats.getId().equals(Long.toString(ctx.process().pid())),
                "STATS.id is '" + stats.getId() + "', the backend's PID is " + ctx.process().pid());
    }
}

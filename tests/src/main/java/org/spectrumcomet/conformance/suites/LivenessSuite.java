package org.spectrumcomet.conformance.suites;

import static org.spectrumcomet.conformance.suites.ScenarioContext.require;

import java.time.Duration;
import java.util.List;
import org.spectrumcomet.conformance.main.FrameRecord;
import org.spectrumcomet.conformance.main.FrameRecord.Direction;
import org.spectrumcomet.protocol.SpectrumMessage;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/**
 * Liveness over several ping periods (spec §4): every scheduled PING must be followed by a
 * decodable frame before the next tick, or the real main closes the backend and SIGABRTs it.
 */
public final class LivenessSuite {

    static final int PERIODS = 4;

    private LivenessSuite() {
    }

    public static Suite suite() {
        return new Suite("liveness", Suite.Kind.PROTOCOL, List.of(
                Scenario.of("ping-periods", LivenessSuite::pingPeriods)));
    }

    private static void pingPeriods(ScenarioContext ctx) throws ScenarioFailure {
        Duration interval = ctx.pingInterval();
        Duration budget = interval.multipliedBy(PERIODS + 2).plusSeconds(3);
        long deadline = System.nanoTime() + budget.toNanos();
        // The first PING goes out on accept; PERIODS more come from the schedule.
        while (pings(ctx) < PERIODS + 1 && System.nanoTime() < deadline && !ctx.link().declaredDead()) {
            ctx.recording().awaitRecord(ctx.mark(), Duration.ofMillis(interval.toMillis() + 50),
                    r -> r.direction() == Direction.SENT && isPing(r));
        }
        require(!ctx.link().declaredDead(), "declared dead after " + pings(ctx) + " PINGs (no frame within a ping period)");
        require(pings(ctx) >= PERIODS + 1, "only " + pings(ctx) + " PINGs were sent in " + budget.toMillis()
                + " ms: the backend never answered, so the schedule stopped");
        // The last PING must be answered too, before the next tick.
        ctx.recording().awaitRecord(ctx.mark(), interval.plusMillis(200), r -> false);
        require(!ctx.link().declaredDead(), "declared dead after the last PING");
        long pongs = ctx.recording().received(0).stream().filter(m -> m.type() == Type.TYPE_PONG).count();
        require(pongs >= PERIODS + 1, "only " + pongs + " PONGs for " + pings(ctx) + " PINGs");
    }

    private static long pings(ScenarioContext ctx) {
        return ctx.recording().all().stream().filter(r -> r.direction() == Direction.SENT && isPing(r)).count();
    }

    private static boolean isPing(FrameRecord r) {
        SpectrumMessage m = r.message();
        return m != null && m.type() == Type.TYPE_PING;
    }
}

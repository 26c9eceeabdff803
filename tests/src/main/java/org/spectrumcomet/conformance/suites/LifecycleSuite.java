package org.spectrumcomet.conformance.suites;

import static org.spectrumcomet.conformance.suites.ScenarioContext.require;

import java.time.Duration;
import java.util.List;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/**
 * How a backend's life ends (spec §1.4): the main never kills a backend, so it must exit by itself
 * on EXIT, on EOF (the main closed the socket or died), and when reaped idle at a tick.
 */
public final class LifecycleSuite {

    static final Duration EXIT_WITHIN = Duration.ofSeconds(5);

    private LifecycleSuite() {
    }

    public static Suite suite() {
        return new Suite("lifecycle", Suite.Kind.PROTOCOL, List.of(
                Scenario.of("exit", LifecycleSuite::exit),
                Scenario.of("eof", LifecycleSuite::eof),
                Scenario.of("idle-reaped", o -> o.withExitIdleBackend(true), LifecycleSuite::idleReaped)));
    }

    static void awaitFirstPong(ScenarioContext ctx) throws ScenarioFailure {
        ctx.awaitType(0, Type.TYPE_PONG, HandshakeSuite.FIRST_PONG.plusSeconds(1), "first PONG");
    }

    private static void exit(ScenarioContext ctx) throws Exception {
        awaitFirstPong(ctx);
        ctx.main().sendExit();
        requireExit(ctx, "EXIT");
    }

    private static void eof(ScenarioContext ctx) throws Exception {
        awaitFirstPong(ctx);
        ctx.link().close();
        requireExit(ctx, "EOF (the main closed the connection)");
    }

    private static void idleReaped(ScenarioContext ctx) throws Exception {
        awaitFirstPong(ctx);
        require(ctx.recording().awaitClosed(ctx.pingInterval().multipliedBy(3).plusSeconds(1)),
                "the kit did not reap the idle backend (kit fault)");
        require(ctx.link().idleExited(), "the link closed, but not by idle reaping");
        requireExit(ctx, "EXIT to an idle backend at a tick");
    }

    static void requireExit(ScenarioContext ctx, String after) throws InterruptedException, ScenarioFailure {
        require(ctx.process().awaitExit(EXIT_WITHIN),
                "the backend process was still running " + EXIT_WITHIN.toSeconds() + " s after " + after);
    }
}

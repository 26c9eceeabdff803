package org.spectrumcomet.conformance.suites;

import static org.spectrumcomet.conformance.suites.ScenarioContext.require;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.spectrumcomet.conformance.driver.LegacyAccount;
import org.spectrumcomet.conformance.main.BackendLink;
import org.spectrumcomet.protocol.SpectrumMessage;
import org.spectrumcomet.protocol.pb.Protocol.APIVersion;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/**
 * Bad input from the main side (spec §2): garbage frames must be skipped without crashing or
 * stalling, and an oversize frame may close the link, but then the process must exit, not hang.
 */
public final class RobustnessSuite {

    /** Above the 16 MiB a Java backend should accept, small enough to really send over loopback. */
    static final int OVERSIZE = 20 * 1024 * 1024;

    private RobustnessSuite() {
    }

    public static Suite suite() {
        return new Suite("robustness", Suite.Kind.PROTOCOL, List.of(
                Scenario.of("garbage", RobustnessSuite::garbage),
                Scenario.of("oversize", RobustnessSuite::oversize)));
    }

    private static void garbage(ScenarioContext ctx) throws Exception {
        LifecycleSuite.awaitFirstPong(ctx);
        BackendLink link = ctx.link();
        byte[] random = new byte[64];
        new Random(42).nextBytes(random);
        link.sendRaw(frame(new byte[0]), "zero-length frame");
        link.sendRaw(frame(random), "random bytes");
        link.sendRaw(frame(new byte[] {0x08, 0x63}), "unknown type 99");
        link.sendRaw(frame(new byte[] {0x12, 0x03, 'a', 'b', 'c'}), "wrapper without type");
        link.sendRaw(frame(wrapper(Type.TYPE_FT_START, new byte[] {0x0a, 0x01, 'x'})), "dead FT_START");
        link.sendRaw(frame(wrapper(Type.TYPE_LOGIN, new byte[] {0x0a, 0x01, 'x'})), "LOGIN missing required fields");
        link.sendRaw(frame(wrapper(Type.TYPE_API_VERSION, APIVersion.newBuilder().setVersion(1).build().toByteArray())),
                "API_VERSION");
        long mark = ctx.mark();
        link.send(SpectrumMessage.of(Type.TYPE_PING));
        ctx.awaitType(mark, Type.TYPE_PONG, HandshakeSuite.FIRST_PONG, "PONG to a PING sent after garbage frames");
        require(ctx.process().isAlive(), "the backend exited after garbage frames");
        LegacyAccount account = ctx.driver().account("robust");
        ctx.loginConnected(account);
    }

    private static void oversize(ScenarioContext ctx) throws Exception {
        LifecycleSuite.awaitFirstPong(ctx);
        byte[] huge = new byte[4 + OVERSIZE];
        ByteBuffer.wrap(huge).putInt(OVERSIZE);
        long mark = ctx.mark();
        ctx.link().sendRaw(huge, "oversize frame of " + OVERSIZE + " bytes");
        ctx.link().send(SpectrumMessage.of(Type.TYPE_PING));
        Duration wait = Duration.ofSeconds(10);
        long deadline = System.nanoTime() + wait.toNanos();
        boolean answered = false;
        while (!ctx.recording().isClosed() && System.nanoTime() < deadline && !answered) {
            answered = ctx.recording().awaitReceived(mark, Duration.ofMillis(200), m -> m.type() == Type.TYPE_PONG).isPresent();
        }
        if (answered && !ctx.recording().isClosed()) {
            require(ctx.process().isAlive(), "the backend exited after an oversize frame while the link stayed open");
            return;
        }
        require(ctx.recording().awaitClosed(Duration.ofMillis(100)),
                "after an oversize frame the backend neither answered PING nor closed the link within " + wait.toSeconds() + " s");
        LifecycleSuite.requireExit(ctx, "closing the link on an oversize frame");
    }

    static byte[] wrapper(Type type, byte[] payload) {
        return WrapperMessage.newBuilder().setType(type)
                .setPayload(com.google.protobuf.ByteString.copyFrom(payload)).build().toByteArray();
    }

    static byte[] frame(byte[] body) {
        return ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).array();
    }
}

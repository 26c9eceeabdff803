package org.spectrumcomet.backend.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.backend.link.LinkHandler;
import org.spectrumcomet.backend.link.OutboundGate;
import org.spectrumcomet.backend.link.ProcessStats;
import org.spectrumcomet.backend.outbound.BackendFeatures;
import org.spectrumcomet.backend.outbound.ChatMessage;
import org.spectrumcomet.backend.outbound.ConnectionError;
import org.spectrumcomet.backend.outbound.FramedMainInstance;
import org.spectrumcomet.backend.outbound.LoginLedger;
import org.spectrumcomet.backend.outbound.RecordingSink;
import org.spectrumcomet.protocol.SpectrumMessage;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

class BackendMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final LoginLedger ledger = new LoginLedger();
    private final BackendMeters meters = new BackendMeters(registry, ledger, new OutboundGate(1024));
    private final RecordingSink sink = new RecordingSink();
    private final FramedMainInstance main = new FramedMainInstance(meters.sink(sink), ledger, meters);

    private double counter(String name, String... tags) {
        return registry.get("spectrum.backend." + name).tags(tags).counter().count();
    }

    private double gauge(String name) {
        return registry.get("spectrum.backend." + name).gauge().value();
    }

    @Test
    void loginAnswersAreCountedByOutcomeAndLaterDisconnectsApart() {
        ledger.loginReceived("a@x");
        main.connected("a@x");
        main.connected("a@x"); // a second answer is dropped, not counted
        ledger.loginReceived("b@x");
        main.disconnected("b@x", ConnectionError.AUTHENTICATION_FAILED, "bad key");
        ledger.loginReceived("c@x");
        main.connected("c@x");
        assertThat(gauge("users.logged.in")).isEqualTo(2.0);

        main.disconnected("c@x", ConnectionError.NETWORK_ERROR, "comet gone");
        assertThat(counter("logins", "result", "ok")).isEqualTo(2.0);
        assertThat(counter("logins", "result", "authentication_failed")).isEqualTo(1.0);
        assertThat(counter("logins", "result", "network_error")).isZero();
        assertThat(counter("disconnects", "error", "network_error")).isEqualTo(1.0);
        assertThat(gauge("users.logged.in")).isEqualTo(1.0);
    }

    @Test
    void framesSentAreCountedByTypeOnlyWhenTheSinkTookThem() {
        ledger.loginReceived("a@x");
        main.connected("a@x");
        main.message("a@x", ChatMessage.builder("bob", "hi").build());
        main.message("a@x", ChatMessage.builder("bob", "hi").build());
        FramedMainInstance refusing = new FramedMainInstance(meters.sink((frame, user) -> false), ledger, meters);
        refusing.message("a@x", ChatMessage.builder("bob", "dropped").build());
        assertThat(counter("frames.sent", "type", "CONNECTED")).isEqualTo(1.0);
        assertThat(counter("frames.sent", "type", "CONV_MESSAGE")).isEqualTo(2.0);
        assertThat(registry.find("spectrum.backend.frames.sent").tag("type", "VCARD").counter())
                .as("a type appears once seen").isNull();
    }

    @Test
    void theLinkReportsFramesPingAnswersAndItsState() {
        EmbeddedChannel ch = new EmbeddedChannel(new LinkHandler(BackendFeatures.builder().build(), new ProcessStats(),
                Duration.ofSeconds(60), m -> { }, end -> { }, meters));
        assertThat(gauge("main.link.up")).isEqualTo(1.0);
        ch.writeInbound(SpectrumMessage.of(Type.TYPE_PING));
        ch.writeInbound(SpectrumMessage.of(Type.TYPE_PING));
        assertThat(counter("pings")).isEqualTo(2.0);
        assertThat(counter("frames.received", "type", "PING")).isEqualTo(2.0);
        assertThat(registry.get("spectrum.backend.ping.pong").timer().count()).isEqualTo(2);
        ch.writeInbound(SpectrumMessage.of(Type.TYPE_EXIT));
        assertThat(gauge("main.link.up")).isZero();
        ch.finishAndReleaseAll();
    }

    @Test
    void labelsAreTheSpecsTypeNames() {
        assertThat(FrameCounters.label(Type.TYPE_CONV_MESSAGE)).isEqualTo("CONV_MESSAGE");
        assertThat(FrameCounters.label(Type.TYPE_PING)).isEqualTo("PING");
    }
}

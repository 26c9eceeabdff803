package org.spectrumcomet.conformance.main;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.spectrumcomet.protocol.MalformedFrame;
import org.spectrumcomet.protocol.SpectrumMessage;
import org.spectrumcomet.protocol.pb.Protocol.BackendConfig;
import org.spectrumcomet.protocol.pb.Protocol.Buddy;
import org.spectrumcomet.protocol.pb.Protocol.ConversationMessage;
import org.spectrumcomet.protocol.pb.Protocol.StatusType;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

class FrameChecksTest {

    private final Violations violations = new Violations();

    private static SpectrumMessage message(String timestamp) {
        return SpectrumMessage.of(Type.TYPE_CONV_MESSAGE, ConversationMessage.newBuilder().setUserName("u@localhost")
                .setBuddyName("alice").setMessage("hi").setTimestamp(timestamp).build());
    }

    @Test
    void acceptsSpectrumTimestampsAndEmptyOnes() {
        FrameChecks.check(message("20240131T101500"), violations);
        FrameChecks.check(message("20240131T101500.123"), violations);
        FrameChecks.check(message(""), violations);
        assertThat(violations.all()).isEmpty();
    }

    @Test
    void flagsOtherTimestampFormsAsCrashes() {
        FrameChecks.check(message("2024-01-31T10:15:00Z"), violations);
        FrameChecks.check(message("1706696100"), violations);
        assertThat(violations.all()).hasSize(2).allSatisfy(v -> {
            assertThat(v.rule()).isEqualTo("timestamp-format");
            assertThat(v.effect()).isEqualTo(Violation.Effect.CRASH);
        });
    }

    @Test
    void flagsTypesTheMainDoesNotHandleFromABackend() {
        FrameChecks.check(SpectrumMessage.of(Type.TYPE_PING), violations);
        FrameChecks.check(SpectrumMessage.of(Type.TYPE_EXIT), violations);
        FrameChecks.checkMalformed(new MalformedFrame(24, 4, "type TYPE_FT_START has no payload message"), violations);
        FrameChecks.check(SpectrumMessage.of(Type.TYPE_PONG), violations);
        assertThat(violations.all()).extracting(Violation::rule).containsExactly("unhandled-type", "unhandled-type", "unhandled-type");
    }

    @Test
    void flagsMalformedBackendConfigInvisibleStatusAndAckWithoutId() {
        FrameChecks.check(SpectrumMessage.of(Type.TYPE_BACKEND_CONFIG, BackendConfig.newBuilder().setConfig("[features]\nmuc\n").build()), violations);
        FrameChecks.check(SpectrumMessage.of(Type.TYPE_BUDDY_CHANGED, Buddy.newBuilder().setUserName("u").setBuddyName("b")
                .setStatus(StatusType.STATUS_INVISIBLE).build()), violations);
        FrameChecks.check(SpectrumMessage.of(Type.TYPE_CONV_MESSAGE_ACK, ConversationMessage.newBuilder().setUserName("u")
                .setBuddyName("b").setMessage("").build()), violations);
        assertThat(violations.all()).extracting(Violation::rule).containsExactly("backend-config", "invisible-status", "ack-without-id");
    }

    @Test
    void flagsMalformedFramesAsDropped() {
        FrameChecks.checkMalformed(new MalformedFrame(-1, 7, "garbage"), violations);
        assertThat(violations.all()).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo("malformed-frame");
            assertThat(v.effect()).isEqualTo(Violation.Effect.DROP);
        });
    }
}

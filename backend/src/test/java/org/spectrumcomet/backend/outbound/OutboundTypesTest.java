package org.spectrumcomet.backend.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

class OutboundTypesTest {

    private static final Set<Integer> NEVER = Set.of(3, 4, 9, 11, 12, 17, 24, 25, 26, 27, 28, 29, 35, 36);

    @Test
    void exactlyTheSpecsNeverSendListIsRefused() {
        for (Type t : Type.values()) {
            boolean forbidden = NEVER.contains(t.getNumber());
            assertThat(OutboundTypes.isHandledByMain(t)).as(t.name()).isEqualTo(!forbidden);
            if (forbidden) {
                assertThatThrownBy(() -> OutboundTypes.requireHandled(t))
                        .isInstanceOf(ForbiddenTypeException.class)
                        .hasMessageContaining(t.name());
            }
        }
    }
}

package org.spectrumcomet.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.backend.config.TransportConfig;
import org.spectrumcomet.backend.outbound.BackendFeatures;
import org.spectrumcomet.backend.outbound.BackendFeatures.Key;

class SpectrumCometBackendTest {

    private static BackendFeatures featuresUnder(Map<String, String> values) {
        return SpectrumCometBackend.definition().features(TransportConfig.of(values));
    }

    @Test
    void gatewayModeAsksSpectrumForRegisteredUsers() {
        BackendFeatures features = featuresUnder(Map.of("service.server_mode", "0"));
        assertThat(features.get(Key.NEED_REGISTRATION)).isTrue();
        assertThat(featuresUnder(Map.of()).get(Key.NEED_REGISTRATION)).as("server_mode defaults to 0").isTrue();
        assertThat(features.toConfigText()).contains("needPassword=1").contains("needRegistration=1")
                .contains("muc=1").contains("receipts=1").contains("send_buddies_on_login=1");
    }

    @Test
    void serverModeLetsEveryUserReachLogin() {
        BackendFeatures features = featuresUnder(Map.of("service.server_mode", "1"));
        assertThat(features.get(Key.NEED_REGISTRATION)).isFalse();
        assertThat(features.toConfigText()).contains("needRegistration=0").contains("needPassword=1")
                .contains("muc=1").contains("receipts=1").contains("send_buddies_on_login=1");
    }
}

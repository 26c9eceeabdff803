package org.spectrumcomet.comet.engine.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfiguredTenantsTest {

    private final ConfiguredTenants tenants = new ConfiguredTenants(Map.of("0", "k0", "015", "k15"));

    @Test
    void rootIsTenantZeroAndNumbersAreNormalised() {
        assertThat(tenants.devIdOf("root")).contains("0");
        assertThat(tenants.devIdOf("0")).contains("0");
        assertThat(tenants.devIdOf("0015")).contains("15");
        assertThat(tenants.key("15")).contains("k15");
        assertThat(tenants.key("015")).contains("k15");
        assertThat(tenants.key("0")).contains("k0");
    }

    @Test
    void unknownOrMalformedTenantsHaveNoKey() {
        assertThat(tenants.key("16")).isEmpty();
        assertThat(tenants.devIdOf("admin")).isEmpty();
        assertThat(tenants.devIdOf("1234567890")).isEmpty();
        assertThat(tenants.devIdOf("-1")).isEmpty();
        assertThat(tenants.key("abc")).isEmpty();
    }

    @Test
    void refusesBadConfiguration() {
        assertThatThrownBy(() -> new ConfiguredTenants(Map.of("1234567890", "k")))
                .hasMessageContaining("at most 9 digits");
        assertThatThrownBy(() -> new ConfiguredTenants(Map.of("x", "k"))).hasMessageContaining("'x'");
        assertThatThrownBy(() -> new ConfiguredTenants(Map.of("3", ""))).hasMessageContaining("empty key");
        assertThatThrownBy(() -> new ConfiguredTenants(Map.of("3", "a", "03", "b")))
                .hasMessageContaining("twice");
    }
}

package org.spectrumcomet.backend;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RuntimeLimitsTest {

    private static final long MIB = 1024 * 1024;

    @Test
    void outboundCapIs32MiBWhenDirectMemoryIsPlentiful() {
        assertThat(RuntimeLimits.defaultOutboundCap(1024 * MIB)).isEqualTo(32 * MIB);
        assertThat(RuntimeLimits.defaultOutboundCap(-1)).isEqualTo(32 * MIB);
    }

    @Test
    void outboundCapIsAQuarterOfASmallDirectMemory() {
        assertThat(RuntimeLimits.defaultOutboundCap(64 * MIB)).isEqualTo(16 * MIB);
        assertThat(RuntimeLimits.defaultOutboundCap(2 * MIB)).isEqualTo(MIB);
    }
}

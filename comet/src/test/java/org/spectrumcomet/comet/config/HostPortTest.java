package org.spectrumcomet.comet.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HostPortTest {

    @Test
    void parsesHostAndIpv6Forms() {
        assertThat(HostPort.parse("127.0.0.1:3307")).isEqualTo(new HostPort("127.0.0.1", 3307));
        assertThat(HostPort.parse("[::1]:0")).isEqualTo(new HostPort("::1", 0));
        assertThat(HostPort.parse("[::1]:80").toString()).isEqualTo("[::1]:80");
        assertThat(HostPort.parse("localhost:8087").toString()).isEqualTo("localhost:8087");
    }

    @Test
    void refusesMalformedAddresses() {
        assertThatThrownBy(() -> HostPort.parse("127.0.0.1")).hasMessageContaining("not HOST:PORT");
        assertThatThrownBy(() -> HostPort.parse(":80")).hasMessageContaining("not HOST:PORT");
        assertThatThrownBy(() -> HostPort.parse("h:x")).hasMessageContaining("port must be a number");
        assertThatThrownBy(() -> HostPort.parse("h:70000")).hasMessageContaining("not 0..65535");
        assertThatThrownBy(() -> HostPort.parse("::1:80")).hasMessageContaining("[ADDR]:PORT");
    }
}

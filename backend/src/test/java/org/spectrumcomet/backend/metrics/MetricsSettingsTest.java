package org.spectrumcomet.backend.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrumcomet.backend.config.ConfigException;
import org.spectrumcomet.backend.config.TransportConfig;

class MetricsSettingsTest {

    @TempDir
    Path dir;

    private MetricsSettings read(String text) throws Exception {
        return read(text, 0);
    }

    private MetricsSettings read(String text, int backendId) throws Exception {
        Path file = dir.resolve("t.cfg");
        Files.writeString(file, text);
        return MetricsSettings.from(TransportConfig.load(file, Map.of()), backendId);
    }

    @Test
    void portPerBackendOffsetsThePortByTheBackendId() throws Exception {
        String text = "[metrics]\nlisten = 127.0.0.1:9100\nport_per_backend = 1\n";
        assertThat(read(text, 0).port()).isEqualTo(9100);
        assertThat(read(text, 1).port()).isEqualTo(9100);
        assertThat(read(text, 3).port()).isEqualTo(9102);
        assertThat(read("[metrics]\nlisten = 127.0.0.1:9100\n", 3).port()).as("off by default").isEqualTo(9100);
        assertThatThrownBy(() -> read("[metrics]\nlisten = 127.0.0.1:65535\nport_per_backend = 1\n", 2))
                .isInstanceOf(ConfigException.class).hasMessageContaining("metrics.listen: port 65535 + backend id 2");
    }

    @Test
    void noSectionMeansNoListener() throws Exception {
        assertThat(read("[service]\njid = x\n").enabled()).isFalse();
    }

    @Test
    void enabledFalseMeansNoListenerEvenWithAnAddress() throws Exception {
        assertThat(read("[metrics]\nlisten = 127.0.0.1:9102\nenabled = false\n").enabled()).isFalse();
    }

    @Test
    void listenIsHostAndPort() throws Exception {
        MetricsSettings s = read("[metrics]\nlisten = 127.0.0.1:9102\n");
        assertThat(s).isEqualTo(new MetricsSettings(true, "127.0.0.1", 9102));
        assertThat(s.address()).isEqualTo("127.0.0.1:9102");
    }

    @Test
    void ipv6InBrackets() throws Exception {
        MetricsSettings s = read("[metrics]\nenabled = yes\nlisten = [::1]:9102\n");
        assertThat(s.host()).isEqualTo("::1");
        assertThat(s.address()).isEqualTo("[::1]:9102");
    }

    @Test
    void anUnknownKeyNamesFileLineAndKey() {
        assertThatThrownBy(() -> read("[metrics]\nlisten = 127.0.0.1:9102\nport = 9102\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("t.cfg:3: metrics.port: unknown key (known: enabled, listen, port_per_backend)");
    }

    @Test
    void aBadAddressIsRefused() {
        assertThatThrownBy(() -> read("[metrics]\nlisten = 9102\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("t.cfg:2: metrics.listen: expected HOST:PORT");
        assertThatThrownBy(() -> read("[metrics]\nlisten = localhost:99999\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("metrics.listen: port must be 1..65535, got 99999");
        assertThatThrownBy(() -> read("[metrics]\nlisten = 127.0.0.1:0\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("port must be 1..65535, got 0");
    }

    @Test
    void aSectionWithoutListenIsRefused() {
        assertThatThrownBy(() -> read("[metrics]\nenabled = 1\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("metrics.listen: missing");
    }

    @Test
    void aBadBooleanIsRefused() {
        assertThatThrownBy(() -> read("[metrics]\nlisten = 127.0.0.1:9102\nenabled = maybe\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("t.cfg:3: metrics.enabled: not a boolean");
    }
}

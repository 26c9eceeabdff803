package org.spectrumcomet.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The gateway-mode files the suite writes, and README "Run under Spectrum 2", which tells operators
 * it shows the same config: same sections and keys in the same order, and the same fixed values.
 */
class ComponentConfigTest {

    private static final Path DIR = Path.of("/srv/t");
    private static final PeerBackend BRIDGE = new PeerBackend("/opt/b/bin/spectrum-comet-backend", "[comet]\ndev_key = k\n");

    @Test
    void transportIsGatewayModeOnTheComponentPortWithTheBackendsSectionLast() {
        String cfg = ComponentConfig.transport(DIR, "comet.localhost", 5347, 32000, "s3", BRIDGE, 25);

        assertThat(cfg).startsWith("[service]\nserver_mode = 0\njid = comet.localhost\npassword = s3\n"
                + "server = 127.0.0.1\nport = 5347\n");
        assertThat(cfg).contains("users_per_backend = 25\n", "backend = /opt/b/bin/spectrum-comet-backend\n",
                "database = /srv/t/database.sql\n", "config = /srv/t/logging.cfg\n");
        assertThat(cfg).endsWith("\n[comet]\ndev_key = k\n");
    }

    @Test
    void loggingWritesSpectrumsLogIntoTheDirectory() {
        assertThat(ComponentConfig.logging(DIR)).contains("log4j.appender.R.File=/srv/t/spectrum.log\n");
        assertThat(ComponentConfig.backendLogging(DIR)).contains("log4j.appender.R.File=/srv/t/backend-${id}.log\n");
    }

    @Test
    void readmeShowsTheKeysTheSuiteWrites() throws Exception {
        String readme = Files.readString(PeerBackend.repoRoot().resolve("README.md"));
        String gateway = readme.substring(readme.indexOf("### Gateway mode behind Prosody"));
        String shown = gateway.substring(gateway.indexOf("```ini\n") + 7, gateway.indexOf("```", gateway.indexOf("```ini\n") + 7));
        String written = ComponentConfig.transport(DIR, "comet.example.org", 5347, 32000, "component-secret", BRIDGE, 10);

        List<String> shownKeys = keys(shown.substring(0, shown.indexOf("[comet]")));
        assertThat(shownKeys).isEqualTo(keys(written.substring(0, written.indexOf("[comet]"))));
        for (String fixed : List.of("server_mode = 0", "jid = comet.example.org", "password = component-secret",
                "server = 127.0.0.1", "port = 5347", "backend_port = 32000", "users_per_backend = 10", "type = sqlite3",
                "enable_public_registration = 1")) {
            assertThat(shown).as("README's gateway config").contains(fixed + "\n");
            assertThat(written).contains(fixed + "\n");
        }
    }

    @Test
    void readmeShowsTheComponentLinesProsodyGets() throws Exception {
        String readme = Files.readString(PeerBackend.repoRoot().resolve("README.md"));
        String written = ProsodyConfig.text(DIR, "localhost", 5222, 5347, "comet.example.org", "component-secret");

        for (String line : List.of("component_ports = { 5347 }", "component_interfaces = { \"127.0.0.1\" }",
                "Component \"comet.example.org\"", "    component_secret = \"component-secret\"")) {
            assertThat(written).contains(line + "\n");
            assertThat(readme).contains(line + "\n");
        }
    }

    /** {@code [section]} and {@code section.key} names in order, comments and values left out. */
    private static List<String> keys(String ini) {
        List<String> keys = new ArrayList<>();
        String section = "";
        for (String line : ini.lines().map(String::trim).toList()) {
            if (line.startsWith("[")) {
                section = line;
                keys.add(section);
            } else if (!line.isEmpty() && !line.startsWith("#") && line.contains("=")) {
                keys.add(section + line.substring(0, line.indexOf('=')).trim());
            }
        }
        return keys;
    }
}

package org.spectrumcomet.backend.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransportConfigTest {

    @TempDir
    Path dir;

    private Path write(String text) throws Exception {
        Path file = dir.resolve("spectrum.cfg");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void readsSectionsKeysAndComments() throws Exception {
        Path file = write("""
                # a comment line
                [service]
                jid = comet.example   # trailing comment
                backend_port=33333
                   protocol =   any
                [comet]
                cometql = 127.0.0.1:3300#no space before the comment
                empty =
                """);
        TransportConfig c = TransportConfig.load(file, Map.of());
        assertThat(c.jid()).isEqualTo("comet.example");
        assertThat(c.service().getInt("backend_port", 0)).isEqualTo(33333);
        assertThat(c.service().getString("protocol", "")).isEqualTo("any");
        assertThat(c.section("comet").getString("cometql", "x")).isEqualTo("127.0.0.1:3300");
        assertThat(c.section("comet").getString("empty", "x")).isEmpty();
        assertThat(c.section("comet").getString("missing", "dflt")).isEqualTo("dflt");
        assertThat(c.section("nope").keys()).isEmpty();
        assertThat(c.service().keys()).containsExactly("jid", "backend_port", "protocol");
    }

    @Test
    void repeatedKeysBecomeAList() throws Exception {
        Path file = write("[service]\nirc_server = a\nirc_server = b\nirc_server=c\n");
        ConfigSection s = TransportConfig.load(file, Map.of()).service();
        assertThat(s.getList("irc_server")).containsExactly("a", "b", "c");
        assertThat(s.getString("irc_server", "")).isEqualTo("c");
        assertThat(s.getList("absent")).isEmpty();
    }

    @Test
    void booleansInEveryForm() throws Exception {
        Path file = write("[b]\na=1\nb=0\nc=true\nd=False\ne=yes\nf=NO\ng=on\nh=off\nbad=maybe\n");
        ConfigSection s = TransportConfig.load(file, Map.of()).section("b");
        assertThat(s.getBoolean("a", false)).isTrue();
        assertThat(s.getBoolean("b", true)).isFalse();
        assertThat(s.getBoolean("c", false)).isTrue();
        assertThat(s.getBoolean("d", true)).isFalse();
        assertThat(s.getBoolean("e", false)).isTrue();
        assertThat(s.getBoolean("f", true)).isFalse();
        assertThat(s.getBoolean("g", false)).isTrue();
        assertThat(s.getBoolean("h", true)).isFalse();
        assertThat(s.getBoolean("absent", true)).isTrue();
        assertThatThrownBy(() -> s.getBoolean("bad", false))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ":10: b.bad: not a boolean (1/0/true/false/yes/no/on/off): \"maybe\"");
    }

    @Test
    void badIntegerNamesFileLineAndKey() throws Exception {
        Path file = write("[service]\n\nbackend_port = abc\n");
        assertThatThrownBy(() -> TransportConfig.load(file, Map.of()).service().getInt("backend_port", 0))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ":3: service.backend_port: not an integer: \"abc\"");
    }

    @Test
    void syntaxErrorNamesFileAndLine() throws Exception {
        Path file = write("[service]\njid = x\nthis line has no equals sign\n");
        assertThatThrownBy(() -> TransportConfig.load(file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ":3: this line has no equals sign")
                .hasMessageNotContaining("\n");
    }

    @Test
    void badSectionHeader() throws Exception {
        Path file = write("[service\n");
        assertThatThrownBy(() -> TransportConfig.load(file, Map.of()))
                .hasMessageStartingWith(file + ":1: bad section header");
    }

    @Test
    void missingFileIsOneLine() {
        Path file = dir.resolve("absent.cfg");
        assertThatThrownBy(() -> TransportConfig.load(file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ": config file not found")
                .hasMessageNotContaining("\n");
    }

    @Test
    void missingRequiredKeyNamesFileAndKey() throws Exception {
        Path file = write("[comet]\n");
        assertThatThrownBy(() -> TransportConfig.load(file, Map.of()).section("comet").requireString("cometql"))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ": comet.cometql: missing required key");
    }

    @Test
    void overridesWinOverTheFile() throws Exception {
        Path file = write("[service]\njid = file.example\nlist = a\nlist = b\n[comet]\nport=1\n");
        TransportConfig c = TransportConfig.load(file,
                Map.of("service.jid", "cli.example", "comet.port", "2", "service.list", "z", "new.key", "v"));
        assertThat(c.jid()).isEqualTo("cli.example");
        assertThat(c.section("comet").getInt("port", 0)).isEqualTo(2);
        assertThat(c.service().getList("list")).containsExactly("z");
        assertThat(c.section("new").getString("key", "")).isEqualTo("v");
    }

    @Test
    void badOverrideNamesTheCommandLine() throws Exception {
        Path file = write("");
        TransportConfig c = TransportConfig.load(file, Map.of("comet.port", "x"));
        assertThatThrownBy(() -> c.section("comet").getInt("port", 0))
                .hasMessage("command line: comet.port: not an integer: \"x\"");
    }

    @Test
    void jidIsSubstitutedOnlyInKeysTheMainRegisters() throws Exception {
        Path file = write("""
                [service]
                jid = t.example
                working_dir = /var/lib/spectrum2/$jid
                [logging]
                backend_config = /etc/spectrum2/$jid/backend-logging.xml
                file = /var/log/$jid/backend.log
                [database]
                database = /var/lib/spectrum2/$jid/database.sql
                [comet]
                pipe = $jid
                """);
        TransportConfig c = TransportConfig.load(file, Map.of());
        assertThat(c.service().getString("working_dir", "")).isEqualTo("/var/lib/spectrum2/t.example");
        assertThat(c.logging().getString("backend_config", "")).isEqualTo("/etc/spectrum2/t.example/backend-logging.xml");
        assertThat(c.section("database").getString("database", "")).isEqualTo("/var/lib/spectrum2/t.example/database.sql");
        assertThat(c.logging().getString("file", "")).isEqualTo("/var/log/$jid/backend.log");
        assertThat(c.section("comet").getString("pipe", "")).isEqualTo("$jid");
    }

    @Test
    void jidFromTheCommandLineIsTheOneSubstituted() throws Exception {
        Path file = write("[service]\njid = file.example\nworking_dir = /w/$jid\n");
        TransportConfig c = TransportConfig.load(file, Map.of("service.jid", "vhost.example"));
        assertThat(c.service().getString("working_dir", "")).isEqualTo("/w/vhost.example");
    }

    @Test
    void windowsLineEndingsAndKeysBeforeAnySection() throws Exception {
        Path file = write("top = 1\r\n[s]\r\nk = v\r\n");
        TransportConfig c = TransportConfig.load(file, Map.of());
        assertThat(c.section("").getString("top", "")).isEqualTo("1");
        assertThat(c.section("s").getString("k", "")).isEqualTo("v");
    }

    @Test
    void invalidHelperNamesLine() throws Exception {
        Path file = write("[comet]\nmode = weird\n");
        ConfigSection s = TransportConfig.load(file, Map.of()).section("comet");
        assertThat(s.invalid("mode", "expected a or b")).hasMessage(file + ":2: comet.mode: expected a or b");
    }
}

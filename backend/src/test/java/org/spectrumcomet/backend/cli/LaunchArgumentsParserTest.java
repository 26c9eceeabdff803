package org.spectrumcomet.backend.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LaunchArgumentsParserTest {

    @Test
    void parsesSpectrumsSpawnLine() {
        LaunchArguments a = LaunchArgumentsParser.parse(new String[] {
            "--host", "127.0.0.1", "--port", "33333", "--service.backend_id=1", "-n", "/tmp/x/spectrum.cfg"});
        assertThat(a.host()).isEqualTo("127.0.0.1");
        assertThat(a.port()).isEqualTo(33333);
        assertThat(a.backendId()).isEqualTo(1);
        assertThat(a.noDaemonize()).isTrue();
        assertThat(a.configFile()).isEqualTo(Path.of("/tmp/x/spectrum.cfg"));
        assertThat(a.configOverrides()).containsEntry("service.backend_id", "1");
        assertThat(a.ignored()).isEmpty();
    }

    @Test
    void shortHostAndPortAndVhostJid() {
        LaunchArguments a = LaunchArgumentsParser.parse(new String[] {
            "-h", "10.0.0.1", "-p", "30001", "--service.backend_id=7", "-j", "vhost.example", "/etc/x.cfg"});
        assertThat(a.host()).isEqualTo("10.0.0.1");
        assertThat(a.port()).isEqualTo(30001);
        assertThat(a.backendId()).isEqualTo(7);
        assertThat(a.configOverrides()).containsEntry("service.jid", "vhost.example");
        assertThat(a.configFile()).isEqualTo(Path.of("/etc/x.cfg"));
        assertThat(a.helpRequested()).isFalse();
    }

    @Test
    void longFormsAndNoDebug() {
        LaunchArguments a = LaunchArgumentsParser.parse(new String[] {
            "--host=::1", "--port=1", "--no-daemonize", "--no-debug", "--jid", "t.example", "c.cfg"});
        assertThat(a.host()).isEqualTo("::1");
        assertThat(a.noDebug()).isTrue();
        assertThat(a.noDaemonize()).isTrue();
        assertThat(a.configOverrides()).containsEntry("service.jid", "t.example");
    }

    @Test
    void sectionKeyOptionsBecomeOverrides() {
        LaunchArguments a = LaunchArgumentsParser.parse(new String[] {
            "--host", "127.0.0.1", "--port", "2", "--comet.cometql=127.0.0.1:3300", "--logging.level=DEBUG",
            "--service.x=a=b", "cfg"});
        assertThat(a.configOverrides())
                .containsEntry("comet.cometql", "127.0.0.1:3300")
                .containsEntry("logging.level", "DEBUG")
                .containsEntry("service.x", "a=b");
    }

    @Test
    void unknownOptionsAreIgnoredNotFatal() {
        LaunchArguments a = LaunchArgumentsParser.parse(new String[] {
            "--host", "127.0.0.1", "--frobnicate", "-x", "--port", "5", "--what=ever", "/etc/x.cfg"});
        assertThat(a.port()).isEqualTo(5);
        assertThat(a.configFile()).isEqualTo(Path.of("/etc/x.cfg"));
        assertThat(a.ignored()).contains("--frobnicate", "-x", "--what=ever");
    }

    @Test
    void badPortValueDoesNotThrow() {
        LaunchArguments a = LaunchArgumentsParser.parse(new String[] {"--port", "abc", "cfg"});
        assertThat(a.port()).isZero();
        assertThat(a.ignored()).isNotEmpty();
    }

    @Test
    void theLastPositionalIsTheConfig() {
        LaunchArguments a = LaunchArgumentsParser.parse(new String[] {"a.cfg", "b.cfg"});
        assertThat(a.configFile()).isEqualTo(Path.of("b.cfg"));
        assertThat(a.ignored()).containsExactly("a.cfg");
    }

    @Test
    void helpAndVersion() {
        assertThat(LaunchArgumentsParser.parse(new String[] {"--help"}).helpRequested()).isTrue();
        assertThat(LaunchArgumentsParser.parse(new String[] {"--version"}).versionRequested()).isTrue();
        assertThat(LaunchArgumentsParser.parse(new String[] {"-h", "host", "c"}).helpRequested()).isFalse();
    }

    @Test
    void defaultsWithoutArguments() {
        LaunchArguments a = LaunchArgumentsParser.parse(new String[0]);
        assertThat(a.host()).isEqualTo("127.0.0.1");
        assertThat(a.configFile()).isNull();
        assertThat(a.backendId()).isZero();
    }
}

package org.spectrumcomet.bench.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.conformance.main.PoptCommandLine;

class LinkTargetTest {

    @Test
    void theNullBackendCommandSplitsAsSpectrumWouldIntoAJavaCommandLine() {
        LinkTarget target = LinkTarget.nullBackend();

        List<String> argv = PoptCommandLine.split(target.command());

        assertThat(argv.get(0)).endsWith("/bin/java");
        assertThat(argv).contains("-cp", System.getProperty("java.class.path"));
        assertThat(argv).noneMatch(word -> word.contains(NullBackend.SILENT_PROPERTY));
        assertThat(argv.get(argv.size() - 1)).isEqualTo(NullBackend.class.getName());
        assertThat(target.echoes()).as("acknowledged by its replies, like the echo backend").isTrue();
        assertThat(target.isJvm()).isTrue();
    }

    @Test
    void theSilentNullBackendIsAcknowledgedByPongs() {
        LinkTarget target = LinkTarget.silentNullBackend();

        assertThat(PoptCommandLine.split(target.command())).contains("-D" + NullBackend.SILENT_PROPERTY + "=true");
        assertThat(target.echoes()).isFalse();
    }

    @Test
    void theTemplateBackendGetsItsLibrariesAndAQuietLogConfig() {
        LinkTarget target = LinkTarget.spectrumTemplate(Path.of("/opt/s2"), Path.of("/tmp/log.cfg"));

        assertThat(target.command()).isEqualTo("/opt/s2/bin/spectrum2_template_backend");
        assertThat(target.environment()).containsEntry("LD_LIBRARY_PATH", "/opt/s2/lib");
        assertThat(target.configExtra()).contains("[logging]", "backend_config = /tmp/log.cfg");
        assertThat(LinkTarget.log4cxxWarnConfig(Path.of("/tmp/w.log"))).contains("rootLogger=warn", "File=/tmp/w.log");
        assertThat(target.isJvm()).isFalse();
    }
}

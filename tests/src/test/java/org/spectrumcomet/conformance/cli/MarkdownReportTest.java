package org.spectrumcomet.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.conformance.suites.ScenarioResult;

class MarkdownReportTest {

    @Test
    void oneRowPerScenarioWithEscapedReasonsAndASummary() {
        String table = MarkdownReport.render("/bin/b --x", List.of(
                ScenarioResult.pass("handshake", "first-ping", Duration.ofMillis(12)),
                ScenarioResult.fail("rooms", "join", "a|b\nc", Duration.ofMillis(30), Path.of("/tmp/x.log"))));
        assertThat(table).contains("| handshake | first-ping | pass | 12 ms |  |")
                .contains("| rooms | join | **FAIL** | 30 ms | a\\|b c (backend log: `/tmp/x.log`) |")
                .contains("1 passed, 1 failed");
    }
}

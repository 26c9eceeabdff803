package org.spectrumcomet.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchReportTest {

    @Test
    void printsAndWritesTheSameMarkdownUnderADatedName(@TempDir Path dir) throws Exception {
        MachineInfo machine = new MachineInfo(ZonedDateTime.of(2026, 11, 23, 22, 5, 9, 0, ZoneOffset.UTC),
                "JDK 17", "Test CPU", 2, "0.5 0.4 0.3");
        BenchReport report = new BenchReport("link", "bin/bench link --seconds 1", machine)
                .table("Throughput", new MarkdownTable("case", "msg/s").row("echo", 10L))
                .note("Target met.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        Path file = report.publish(new PrintStream(out, true, StandardCharsets.UTF_8), dir);

        assertThat(file).isEqualTo(dir.resolve("link-20261123-220509.md"));
        String written = Files.readString(file);
        assertThat(written).contains("# bench link", "- CPU: Test CPU", "`bin/bench link --seconds 1`",
                "## Throughput", "| echo | 10 |", "Target met.");
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith(written);
        assertThat(report.tables()).hasSize(1);
    }

    @Test
    void resultsGoUnderBenchResultsOfTheRepository() {
        // surefire runs in bench/: the root is its parent, found by bench/pom.xml
        Path results = ResultsFile.defaultDirectory();
        assertThat(results.getFileName()).hasToString("results");
        assertThat(results.getParent().resolve("pom.xml")).exists();
    }
}

package org.spectrumcomet.bench.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.ResourceLeakDetector;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrumcomet.bench.report.MarkdownTable;
import org.spectrumcomet.bench.report.Numbers;
import picocli.CommandLine;

/**
 * The smoke run of {@code bin/bench link --quick}: the echo backend, the null backend and the plain
 * Netty echo are each spawned, logged in, loaded and measured, with positive numbers in every row.
 */
class LinkBenchTest {

    private static ResourceLeakDetector.Level surefireLevel;

    /**
     * Surefire runs with paranoid leak detection, which records a stack trace per buffer and slows
     * the load generator a hundredfold; the bench's own leak assertion is {@code LeakCheck}'s.
     */
    @BeforeAll
    static void simpleLeakDetection() {
        surefireLevel = ResourceLeakDetector.getLevel();
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.SIMPLE);
    }

    @AfterAll
    static void restoreLeakDetection() {
        ResourceLeakDetector.setLevel(surefireLevel);
    }

    @Test
    void quickRunMeasuresEveryBackendBothWays(@TempDir Path results) {
        LinkBench bench = new LinkBench();

        int exit = new CommandLine(bench).execute("--quick", "--results-dir", results.toString());

        assertThat(exit).isZero();
        MarkdownTable table = bench.lastReport.tables().get(0);
        assertThat(table.rowLabels()).containsExactly("echo backend", "null backend (same library)", "plain Netty echo");
        for (String row : table.rowLabels()) {
            for (String column : List.of(LinkTable.IN, LinkTable.OUT, "PONGs", LinkTable.LOGINS, "RSS MiB", LinkTable.VS_NULL)) {
                assertThat(table.cell(row, column)).as(row + " / " + column)
                        .hasValueSatisfying(cell -> assertThat(Numbers.parse(cell)).isPositive());
            }
        }
        assertThat(bench.lastReport.markdown()).contains("echo / null throughput");
    }

    @Test
    void sideBySideWithoutASpectrumBundleIsAUsageError(@TempDir Path results) {
        if (System.getenv("SPECTRUM2_HOME") != null) {
            return; // with a bundle the side-by-side run is real; covered by running bin/bench
        }
        int exit = new CommandLine(new LinkBench()).execute("--quick", "--side-by-side", "--results-dir", results.toString());

        assertThat(exit).isEqualTo(2);
    }
}

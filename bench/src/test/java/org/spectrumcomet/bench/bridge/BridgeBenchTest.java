package org.spectrumcomet.bench.bridge;

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
 * The smoke run of {@code bin/bench bridge --quick}: a comet server process, the bridge process with
 * 10 logged-in users, the null backend and the direct CometQL baseline, every measured cell a
 * positive number.
 */
class BridgeBenchTest {

    private static ResourceLeakDetector.Level surefireLevel;

    /** Paranoid leak detection (surefire's) slows the load main a hundredfold; the link test explains. */
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
    void quickRunMeasuresBothDirectionsAndTheBaselines(@TempDir Path results) {
        BridgeBench bench = new BridgeBench();

        int exit = new CommandLine(bench).execute("--quick", "--results-dir", results.toString());

        assertThat(exit).isZero();
        MarkdownTable main = bench.lastReport.tables().get(0);
        assertThat(main.rowLabels()).containsExactly("10");
        for (String column : List.of(BridgeTable.TO_COMET, BridgeTable.ARRIVALS, BridgeTable.TO_XMPP, BridgeTable.TO_COMET_P99,
                BridgeTable.TO_XMPP_P99, BridgeTable.LOGINS, BridgeTable.RSS)) {
            assertThat(main.cell("10", column)).as(column).hasValueSatisfying(cell -> assertThat(Numbers.parse(cell)).isPositive());
        }
        MarkdownTable baselines = bench.lastReport.tables().get(1);
        assertThat(baselines.rowLabels()).hasSize(2);
        for (String row : baselines.rowLabels()) {
            assertThat(baselines.cell(row, "msg/s (median)")).as(row)
                    .hasValueSatisfying(cell -> assertThat(Numbers.parse(cell)).isPositive());
        }
        // the null backend's PONGs may all come after a 0.5 s smoke repeat on a loaded machine: latency only for direct
        assertThat(baselines.cell(baselines.rowLabels().get(1), "p99 ms"))
                .hasValueSatisfying(cell -> assertThat(Numbers.parse(cell)).isPositive());
        assertThat(bench.lastReport.markdown()).contains("hop p99 at 10 users");
    }
}

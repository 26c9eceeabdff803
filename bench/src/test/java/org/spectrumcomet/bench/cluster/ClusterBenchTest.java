package org.spectrumcomet.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrumcomet.bench.report.MarkdownTable;
import org.spectrumcomet.bench.report.Numbers;
import picocli.CommandLine;

/**
 * Smoke of {@code bin/bench cluster} with tiny settings: the embedded node and one node on a real
 * redis-server (skipped without one), comet-server processes from this class path; every number
 * of the table is there and nothing was lost.
 */
class ClusterBenchTest {

    @TempDir
    Path dir;

    @Test
    void tinyRunMeasuresTheEmbeddedNodeAndOneNodeOnRedis() throws Exception {
        Assumptions.assumeTrue(RedisProcess.installed(), "redis-server not installed: cluster smoke skipped");
        ClusterBench bench = new ClusterBench();
        int exit = new CommandLine(bench).execute("--nodes", "1", "--subscribers", "20", "--pipes", "2",
                "--seconds", "0.5", "--warmup", "0.3", "--repeats", "1", "--rate", "50", "--client-threads", "1",
                "--server-java-opts", "-Xmx256m", "--results-dir", dir.resolve("results").toString(),
                "--work-dir", dir.resolve("work").toString());

        assertThat(exit).isZero();
        MarkdownTable table = bench.lastReport.tables().get(0);
        assertThat(table.rowLabels()).containsExactly("embedded (no Redis)", "1 node on one Redis");
        for (String row : table.rowLabels()) {
            assertThat(number(table, row, "deliveries/s")).as(row).isPositive();
            assertThat(number(table, row, "p99 ms")).as(row).isPositive();
            assertThat(number(table, row, "vs embedded")).as(row).isPositive();
            assertThat(number(table, row, "lost")).as(row).isZero();
        }
        try (var files = Files.list(dir.resolve("results"))) {
            assertThat(files.map(p -> p.getFileName().toString())).singleElement()
                    .satisfies(name -> assertThat(name).startsWith("cluster-").endsWith(".md"));
        }
    }

    @Test
    void impossibleOptionsAreRefusedWithTheReason() {
        ClusterBench bench = new ClusterBench();
        new CommandLine(bench).parseArgs("--subscribers", "3", "--pipes", "4");
        assertThat(bench.problem()).contains("--subscribers (3) must be at least --pipes (4)");
        new CommandLine(bench = new ClusterBench()).parseArgs("--nodes", "0,2");
        assertThat(bench.problem()).contains("--nodes takes network sizes from 1 to 16");
    }

    private static double number(MarkdownTable table, String row, String column) {
        String cell = table.cell(row, column).orElseThrow(() -> new AssertionError("no cell " + row + "/" + column));
        return Numbers.parse(cell.split(" ")[0]);
    }
}

package org.spectrumcomet.bench.comet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrumcomet.bench.report.MarkdownTable;
import org.spectrumcomet.bench.report.Numbers;
import picocli.CommandLine;

/**
 * Smoke of {@code bin/bench comet} with tiny settings (a few seconds plus two server starts):
 * our comet server (from this class path) and the raw baseline as real processes, every
 * measurement once, and every number the tables report is there and above zero.
 */
class CometBenchTest {

    @TempDir
    Path dir;

    @Test
    void tinyRunReportsNumbersAboveZeroInEveryTable() throws Exception {
        CometBench bench = new CometBench();
        int exit = new CommandLine(bench).execute("--connections", "60", "--subscribers", "10", "--pool", "2",
                "--latency-subscribers", "10", "--rate", "100", "--latency-seconds", "0.5", "--seconds", "0.5",
                "--warmup", "0.3", "--repeats", "1", "--client-threads", "1", "--server-java-opts", "-Xmx256m",
                "--results-dir", dir.resolve("results").toString(), "--work-dir", dir.resolve("work").toString());

        assertThat(exit).isZero();
        List<MarkdownTable> tables = bench.lastReport.tables();
        assertThat(tables).hasSize(5);
        MarkdownTable idle = tables.get(0);
        assertThat(idle.rowLabels()).containsExactly("ours", "raw Netty");
        assertThat(number(idle, "ours", "connections held")).isEqualTo(60);
        assertThat(number(idle, "ours", "heap/conn KB")).isPositive();
        assertThat(number(idle, "ours", "RSS/conn KB")).isPositive();
        MarkdownTable inserts = tables.get(1);
        assertThat(number(inserts, "1", "ours INSERT/s")).isPositive();
        assertThat(number(inserts, "2", "ours INSERT/s")).isPositive();
        MarkdownTable durable = tables.get(2);
        assertThat(number(durable, "1", "ours INSERT/s")).isPositive();
        assertThat(number(durable, "2", "ours INSERT/s")).isPositive();
        MarkdownTable fanout = tables.get(3);
        assertThat(number(fanout, "10", "ours deliveries/s")).isPositive();
        assertThat(number(fanout, "10", "raw Netty deliveries/s")).isPositive();
        assertThat(number(fanout, "10", "ours/raw")).isPositive();
        MarkdownTable latency = tables.get(4);
        for (String server : List.of("ours", "raw Netty")) {
            assertThat(number(latency, server, "p50 ms")).isPositive();
            assertThat(number(latency, server, "p99 ms")).isPositive();
            assertThat(number(latency, server, "deliveries")).isPositive();
            assertThat(number(latency, server, "missing")).isZero();
        }
        try (var files = Files.list(dir.resolve("results"))) {
            assertThat(files.map(p -> p.getFileName().toString())).singleElement()
                    .satisfies(name -> assertThat(name).startsWith("comet-").endsWith(".md"));
        }
    }

    /** The cell as a number; "median (min–max)" cells give their median. */
    private static double number(MarkdownTable table, String row, String column) {
        String cell = table.cell(row, column).orElseThrow(() -> new AssertionError("no cell " + row + "/" + column));
        return Numbers.parse(cell.split(" ")[0]);
    }
}

package org.spectrumcomet.bench.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrumcomet.bench.report.MarkdownTable;
import org.spectrumcomet.bench.report.Numbers;
import picocli.CommandLine;

/** The smoke run of {@code bin/bench codec --quick}: every row present, every number positive, no leak. */
class CodecBenchTest {

    @Test
    void quickRunReportsEveryCaseOfEverySampleWithZeroLeaks(@TempDir Path results) throws Exception {
        CodecBench bench = new CodecBench();

        int exit = new CommandLine(bench).execute("--quick", "--results-dir", results.toString());

        assertThat(exit).isZero();
        MarkdownTable table = bench.lastReport.tables().get(0);
        assertThat(table.rowLabels()).hasSize(SampleFrame.values().length * CodecCase.values().length);
        for (SampleFrame sample : SampleFrame.values()) {
            for (CodecCase c : CodecCase.values()) {
                String row = c.rowLabel(sample);
                for (String column : List.of(CodecTable.NS_OP, "min", "max", "B/op", CodecTable.RATIO)) {
                    assertThat(table.cell(row, column)).as(row + " / " + column)
                            .hasValueSatisfying(cell -> assertThat(Numbers.parse(cell)).isPositive());
                }
            }
        }
        assertThat(bench.lastReport.markdown()).contains("leak reports in the paranoid leak-check JVM: 0 — met");
        try (var files = Files.list(results)) {
            assertThat(files).singleElement().satisfies(f -> assertThat(f.getFileName().toString()).startsWith("codec-"));
        }
    }
}

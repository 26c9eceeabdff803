package org.spectrumcomet.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.bench.report.LatencyRecorder.Percentiles;
import org.spectrumcomet.bench.report.MarkdownTable;
import org.spectrumcomet.bench.report.Repeats;

class ClusterTableTest {

    private static TopologyResult result(String name, int nodes, double median, long p99Micros, long lost) {
        return new TopologyResult(name, nodes, Repeats.of(median * 0.9, median, median * 1.1), lost,
                new Percentiles(1000, 500_000, p99Micros * 1000, p99Micros * 2000, p99Micros * 3000), 0);
    }

    @Test
    void ratiosAreAgainstTheEmbeddedNodeOfTheSameRun() {
        MarkdownTable table = ClusterTable.of(List.of(
                result(Topology.EMBEDDED, 1, 200_000, 4_000, 0),
                result(Topology.name(1), 1, 100_000, 8_000, 0),
                result(Topology.name(3), 3, 150_000, 6_000, 7)));

        assertThat(table.rowLabels()).containsExactly("embedded (no Redis)", "1 node on one Redis", "3 nodes on one Redis");
        assertThat(table.cell("embedded (no Redis)", "vs embedded")).contains("1.00×");
        assertThat(table.cell("1 node on one Redis", "vs embedded")).contains("0.50×");
        assertThat(table.cell("3 nodes on one Redis", "vs embedded")).contains("0.75×");
        assertThat(table.cell("1 node on one Redis", "p99 vs embedded")).contains("2.00×");
        assertThat(table.cell("3 nodes on one Redis", "p99 ms")).contains("6.000");
        assertThat(table.cell("3 nodes on one Redis", "deliveries/s")).contains("150,000 (135,000–165,000)");
        assertThat(table.cell("3 nodes on one Redis", "nodes")).contains("3");
        assertThat(table.cell("3 nodes on one Redis", "lost")).contains("7");
    }

    @Test
    void withoutTheBaselineTheRatiosAreDashesNotGuesses() {
        MarkdownTable table = ClusterTable.of(List.of(result(Topology.name(2), 2, 100_000, 8_000, 0)));

        assertThat(table.cell("2 nodes on one Redis", "vs embedded")).contains("–");
        assertThat(table.cell("2 nodes on one Redis", "p99 vs embedded")).contains("–");
    }
}

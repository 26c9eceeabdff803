package org.spectrumcomet.bench.cluster;

import java.util.List;
import org.spectrumcomet.bench.report.MarkdownTable;
import org.spectrumcomet.bench.report.Numbers;

/**
 * The cluster benchmark's table: one row per topology, the embedded node first; throughput and
 * p99 also as ratios against the embedded node of the same run (METHOD.md), so a table from a
 * loaded machine still says how the topologies compare.
 */
final class ClusterTable {

    static final String[] COLUMNS = {"topology", "nodes", "deliveries/s", "vs embedded", "p50 ms", "p99 ms",
        "p99.9 ms", "p99 vs embedded", "lost"};

    private ClusterTable() {
    }

    static MarkdownTable of(List<TopologyResult> results) {
        TopologyResult base = results.stream().filter(TopologyResult::baseline).findFirst().orElse(null);
        MarkdownTable table = new MarkdownTable(COLUMNS);
        for (TopologyResult r : results) {
            table.row(r.name(), r.nodes(), r.perSecond().cell(),
                    base == null ? "–" : Numbers.ratio(r.perSecond().median(), base.perSecond().median()),
                    r.latency().p50Millis(), r.latency().p99Millis(), r.latency().p999Millis(),
                    base == null ? "–" : Numbers.ratio(r.latency().p99(), base.latency().p99()),
                    r.writtenOff() + r.missing());
        }
        return table;
    }
}

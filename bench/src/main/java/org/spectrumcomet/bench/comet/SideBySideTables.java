package org.spectrumcomet.bench.comet;

import java.util.Map;
import org.spectrumcomet.bench.report.BenchReport;
import org.spectrumcomet.bench.report.MarkdownTable;
import org.spectrumcomet.bench.report.Numbers;

/** The ours / CppComet tables of {@code --side-by-side} (issue 8 item 5), targets included. */
final class SideBySideTables {

    private SideBySideTables() {
    }

    static void addTo(BenchReport report, CometResults r) {
        if (!r.fanoutTheirs.isEmpty()) {
            MarkdownTable fanout = new MarkdownTable("subscribers", "ours deliveries/s", "CppComet deliveries/s",
                    "ours/CppComet", "target", "met");
            for (Map.Entry<Integer, Fanout.Result> e : r.fanoutTheirs.entrySet()) {
                Fanout.Result ours = r.fanoutOurs.get(e.getKey());
                double theirs = e.getValue().perSecond().median();
                fanout.row(e.getKey(), ours == null ? "–" : ours.perSecond().cell(), e.getValue().perSecond().cell(),
                        ours == null ? "–" : Numbers.ratio(ours.perSecond().median(), theirs),
                        "≥ " + Numbers.decimal(CometTables.FANOUT_VS_CPPCOMET) + "×",
                        ours == null ? "–" : CometTables.met(ours.perSecond().median()
                                >= CometTables.FANOUT_VS_CPPCOMET * theirs));
            }
            report.table("side by side: fan-out deliveries/s, ours / CppComet", fanout);
        }
        if (r.latencyTheirs != null && r.latencyOurs != null) {
            var ours = r.latencyOurs.percentiles();
            var theirs = r.latencyTheirs.percentiles();
            MarkdownTable latency = new MarkdownTable("percentile", "ours ms", "CppComet ms", "ours/CppComet",
                    "target", "met");
            latency.row("p50", ours.p50Millis(), theirs.p50Millis(), Numbers.ratio(ours.p50(), theirs.p50()), "–", "–");
            latency.row("p99", ours.p99Millis(), theirs.p99Millis(), Numbers.ratio(ours.p99(), theirs.p99()),
                    "≤ " + CometTables.P99_VS_CPPCOMET + "×",
                    CometTables.met(ours.p99() <= CometTables.P99_VS_CPPCOMET * theirs.p99()));
            latency.row("p99.9", ours.p999Millis(), theirs.p999Millis(), Numbers.ratio(ours.p999(), theirs.p999()),
                    "–", "–");
            report.table("side by side: publish→deliver latency, " + r.latencySubscribers + " subscribers at "
                    + Numbers.decimal(r.latencyRate) + " msg/s", latency);
        }
        if (!r.sideIdleTheirs.isEmpty()) {
            MarkdownTable idle = new MarkdownTable("connections", "ours RSS/conn KB", "CppComet RSS/conn KB",
                    "ours/CppComet", "ours heap/conn KB", "target", "met");
            for (Map.Entry<Integer, MemoryPerConnection> e : r.sideIdleTheirs.entrySet()) {
                MemoryPerConnection ours = r.sideIdleOurs.get(e.getKey());
                MemoryPerConnection theirs = e.getValue();
                idle.row(e.getKey(), ours == null ? Double.NaN : ours.rssKb(), theirs.rssKb(),
                        ours == null ? "–" : Numbers.ratio(ours.rssBytes(), theirs.rssBytes()),
                        ours == null ? Double.NaN : ours.heapKb(),
                        "≤ " + Numbers.decimal(CometTables.RSS_VS_CPPCOMET) + "×",
                        ours == null ? "–" : CometTables.met(ours.rssBytes()
                                <= CometTables.RSS_VS_CPPCOMET * theirs.rssBytes()));
            }
            report.table("side by side: RSS per idle WebSocket connection, ours / CppComet", idle);
        }
    }
}

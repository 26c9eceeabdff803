package org.spectrumcomet.bench.comet;

import java.util.Map;
import org.spectrumcomet.bench.report.BenchReport;
import org.spectrumcomet.bench.report.LatencyRecorder.Percentiles;
import org.spectrumcomet.bench.report.MarkdownTable;
import org.spectrumcomet.bench.report.Numbers;

/**
 * Turns {@link CometResults} into the report's tables, each with its target and whether it is
 * met (issue 5 item 4, issue 8 item 5). Ratios are ours / baseline from the same run.
 */
final class CometTables {

    static final double HEAP_PER_CONNECTION_KB = 20;
    static final double FANOUT_VS_RAW = 0.5;
    static final double INSERTS_POOLED = 50_000;
    static final double FANOUT_VS_CPPCOMET = 3;
    static final double P99_VS_CPPCOMET = 0.5;
    static final double RSS_VS_CPPCOMET = 1;

    private CometTables() {
    }

    static void addTo(BenchReport report, CometResults r) {
        if (r.idleOurs != null) {
            MarkdownTable idle = new MarkdownTable("server", "connections held", "heap/conn KB", "RSS/conn KB",
                    "target", "met");
            idle.row("ours", r.idleOurs.connections(), r.idleOurs.heapKb(), r.idleOurs.rssKb(),
                    "≤ " + Numbers.decimal(HEAP_PER_CONNECTION_KB) + " KB heap", met(r.idleOurs.heapKb() <= HEAP_PER_CONNECTION_KB));
            if (r.idleRaw != null) {
                idle.row("raw Netty", r.idleRaw.connections(), r.idleRaw.heapKb(), r.idleRaw.rssKb(), "baseline", "–");
            }
            report.table("(a) idle WebSocket connections: memory per connection", idle);
            if (!r.idleNote.isEmpty()) {
                report.note(r.idleNote);
            }
        }
        if (r.insertsOne != null) {
            MarkdownTable inserts = new MarkdownTable("connections", "ours INSERT/s", "CppComet INSERT/s", "ours/CppComet",
                    "target", "met");
            inserts.row("1", r.insertsOne.cell(), cell(r.theirInsertsOne), ratio(r.insertsOne.median(), r.theirInsertsOne),
                    "–", "–");
            inserts.row(Integer.toString(r.pool), r.insertsPooled.cell(), cell(r.theirInsertsPooled),
                    ratio(r.insertsPooled.median(), r.theirInsertsPooled),
                    "≥ " + Numbers.format((long) INSERTS_POOLED) + "/s", met(r.insertsPooled.median() >= INSERTS_POOLED));
            report.table("(b) CometQL INSERT INTO pipes_messages per second (median (min–max))", inserts);
            if (r.theirInsertsFailure != null) {
                report.note(r.theirInsertsFailure);
            }
        }
        if (r.durableOne != null) {
            MarkdownTable durable = new MarkdownTable("connections", "ours INSERT/s", "vs 1 connection");
            durable.row("1", r.durableOne.cell(), "1.00×");
            durable.row(Integer.toString(r.pool), r.durablePooled.cell(),
                    Numbers.ratio(r.durablePooled.median(), r.durableOne.median()));
            report.table("(b2) CometQL INSERT INTO pipes_messages of a pipe that keeps history (`"
                    + Inserts.DURABLE_PIPE + "`: every INSERT stored before its OK) per second (median (min–max))",
                    durable);
        }
        if (!r.fanoutOurs.isEmpty()) {
            MarkdownTable fanout = new MarkdownTable("subscribers", "ours deliveries/s", "raw Netty deliveries/s",
                    "ours/raw", "target", "met");
            for (Map.Entry<Integer, Fanout.Result> e : r.fanoutOurs.entrySet()) {
                Fanout.Result raw = r.fanoutRaw.get(e.getKey());
                double ours = e.getValue().perSecond().median();
                fanout.row(e.getKey(), e.getValue().perSecond().cell(), raw == null ? "–" : raw.perSecond().cell(),
                        raw == null ? "–" : Numbers.ratio(ours, raw.perSecond().median()),
                        "≥ " + FANOUT_VS_RAW + "× raw",
                        raw == null ? "–" : met(ours >= FANOUT_VS_RAW * raw.perSecond().median()));
            }
            report.table("(c) fan-out to K subscribers of one pipe, deliveries/s (median (min–max))", fanout);
        }
        if (r.latencyOurs != null) {
            MarkdownTable latency = new MarkdownTable("server", "p50 ms", "p99 ms", "p99.9 ms", "max ms", "deliveries",
                    "missing");
            latencyRow(latency, "ours", r.latencyOurs);
            latencyRow(latency, "raw Netty", r.latencyRaw);
            latencyRow(latency, "CppComet", r.latencyTheirs);
            report.table("(d) publish→deliver latency, " + r.latencySubscribers + " subscribers at "
                    + Numbers.decimal(r.latencyRate) + " msg/s (from intended send time)", latency);
        }
        if (r.sideBySide()) {
            SideBySideTables.addTo(report, r);
        }
    }

    private static void latencyRow(MarkdownTable table, String name, Latency.Result result) {
        if (result == null) {
            return;
        }
        Percentiles p = result.percentiles();
        table.row(name, p.p50Millis(), p.p99Millis(), p.p999Millis(), p.maxMillis(), p.count(), result.missing());
    }

    static String cell(org.spectrumcomet.bench.report.Repeats repeats) {
        return repeats == null ? "–" : repeats.cell();
    }

    static String ratio(double ours, org.spectrumcomet.bench.report.Repeats theirs) {
        return theirs == null ? "–" : Numbers.ratio(ours, theirs.median());
    }

    static String met(boolean met) {
        return met ? "met" : "**missed**";
    }
}

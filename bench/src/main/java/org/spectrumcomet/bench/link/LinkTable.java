package org.spectrumcomet.bench.link;

import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.spectrumcomet.bench.report.MarkdownTable;
import org.spectrumcomet.bench.report.Numbers;
import org.spectrumcomet.bench.report.Repeats;

/** Link measurements → Markdown: the main table with ratios to the null backend, and ours/theirs side by side. */
final class LinkTable {

    static final String IN = "main→backend msg/s (median)";
    static final String OUT = "backend→main msg/s (median)";
    static final String P99 = "PONG p99 ms";
    static final String LOGINS = "LOGIN→CONNECTED/s";
    static final String WARM_LOGINS = "LOGIN→CONNECTED/s warm";
    static final String VS_NULL = "throughput × null";

    static final double TARGET_P99_MILLIS = 5.0;
    static final double TARGET_VS_NULL = 0.7;

    private LinkTable() {
    }

    static MarkdownTable main(List<LinkMeasurement> rows, LinkMeasurement nullBackend) {
        MarkdownTable table = new MarkdownTable("backend", IN, "in min–max", OUT, "out min–max", "PONG p50 ms", P99,
                "PONG p99.9 ms", "PONG max ms", "PONGs", LOGINS, WARM_LOGINS, "RSS MiB", "heap MiB after GC", VS_NULL);
        for (LinkMeasurement m : rows) {
            table.row(m.target().label(), m.inRate().median(), range(m.inRate().min(), m.inRate().max()),
                    m.outRate().median(), range(m.outRate().min(), m.outRate().max()), m.p50Millis().median(), m.p99Millis().median(), m.p999Millis().median(),
                    m.maxMillis(), m.pongCount(), m.loginsPerSecond(), m.warmLoginsPerSecond(), mebibytes(m.rssBytes()), mebibytes(m.heapBytes()),
                    nullBackend == null ? null : Numbers.ratio(m.throughput(), nullBackend.throughput()));
        }
        return table;
    }

    static MarkdownTable sideBySide(LinkMeasurement ours, LinkMeasurement theirs) {
        MarkdownTable table = new MarkdownTable("measure", "ours (null backend, Java library)",
                "theirs (template backend, C++ library)", "ours / theirs");
        table.row("main→backend msg/s", ours.inRate().median(), theirs.inRate().median(),
                Numbers.ratio(ours.inRate().median(), theirs.inRate().median()));
        table.row("PONG p50 ms under load", ours.p50Millis().median(), theirs.p50Millis().median(),
                Numbers.ratio(ours.p50Millis().median(), theirs.p50Millis().median()));
        table.row("PONG p99 ms under load", ours.p99Millis().median(), theirs.p99Millis().median(),
                Numbers.ratio(ours.p99Millis().median(), theirs.p99Millis().median()));
        table.row("LOGIN→CONNECTED/s", ours.loginsPerSecond(), theirs.loginsPerSecond(),
                Numbers.ratio(ours.loginsPerSecond(), theirs.loginsPerSecond()));
        table.row("LOGIN→CONNECTED/s warm (second burst)", ours.warmLoginsPerSecond(), theirs.warmLoginsPerSecond(),
                Numbers.ratio(ours.warmLoginsPerSecond(), theirs.warmLoginsPerSecond()));
        table.row("RSS MiB", mebibytes(ours.rssBytes()), mebibytes(theirs.rssBytes()), null);
        return table;
    }

    static String verdict(LinkMeasurement echo, LinkMeasurement nullBackend) {
        StringBuilder out = new StringBuilder("Targets: PONG p99 ≤ 5 ms while saturated; echo backend throughput ≥ 0.7× the null backend.\n\n");
        for (LinkMeasurement m : List.of(echo, nullBackend)) {
            double p99 = m.p99Millis().median();
            out.append(String.format(Locale.ROOT, "- %s: PONG p99 %.2f ms — %s%n", m.target().label(), p99,
                    p99 <= TARGET_P99_MILLIS ? "met" : "MISSED"));
        }
        out.append(String.format(Locale.ROOT, "- echo / null main→backend %.2f× (echo %s, null %s msg/s, min–max of %d repeats)%n",
                echo.inRate().median() / nullBackend.inRate().median(), range(echo.inRate()), range(nullBackend.inRate()),
                echo.inRate().count()));
        out.append(String.format(Locale.ROOT, "- echo / null backend→main %.2f× (echo %s, null %s msg/s)%n",
                echo.outRate().median() / nullBackend.outRate().median(), range(echo.outRate()), range(nullBackend.outRate())));
        double ratio = echo.throughput() / nullBackend.throughput();
        out.append(String.format(Locale.ROOT, "- echo / null throughput (the slower way of each) %.2f× — target ≥ %.1f× — %s%n",
                ratio, TARGET_VS_NULL, ratio >= TARGET_VS_NULL ? "met" : "MISSED"));
        out.append("\nBoth are driven by the same main with the same window (a message is acknowledged by its reply): "
                + "the null backend answers each CONV_MESSAGE with one prebuilt reply of the echo's shape, the echo "
                + "backend parses, checks and builds its reply, so the ratio is the cost of that per-message work.\n");
        return out.toString();
    }

    private static String range(Repeats r) {
        return range(r.min(), r.max());
    }

    private static String range(double min, double max) {
        return Numbers.decimal(min) + "–" + Numbers.decimal(max);
    }

    private static Double mebibytes(OptionalLong bytes) {
        return bytes.isPresent() ? bytes.getAsLong() / (1024.0 * 1024.0) : null;
    }
}

package org.spectrumcomet.bench.bridge;

import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.spectrumcomet.bench.link.LinkMeasurement;
import org.spectrumcomet.bench.report.MarkdownTable;
import org.spectrumcomet.bench.report.Numbers;

/** Bridge measurements → Markdown: one row per user count, the baselines, and the targets met or missed. */
final class BridgeTable {

    static final String TO_COMET = "XMPP→comet msg/s (ACKs, median)";
    static final String ARRIVALS = "XMPP→comet arrivals/s at web";
    static final String TO_XMPP = "comet→XMPP msg/s (median)";
    static final String TO_COMET_P99 = "XMPP→comet p99 ms";
    static final String TO_XMPP_P99 = "comet→XMPP p99 ms";
    static final String HEAP_PER_USER = "heap KiB per user";
    static final String RSS = "RSS MiB";
    static final String LOGINS = "LOGIN→CONNECTED/s";

    static final double TARGET_RATE = 20_000;
    static final int TARGET_RATE_USERS = 1_000;
    static final double TARGET_P99_MILLIS = 5.0;
    static final double TARGET_HEAP_BYTES = 32 * 1024;
    static final int TARGET_HEAP_USERS = 10_000;

    private BridgeTable() {
    }

    static MarkdownTable main(List<BridgeMeasurement> rows) {
        MarkdownTable table = new MarkdownTable("users", TO_COMET, "XMPP→comet min–max", ARRIVALS, TO_XMPP, "comet→XMPP min–max",
                "XMPP→comet p50 ms", TO_COMET_P99, "XMPP→comet p99.9 ms", "comet→XMPP p50 ms", TO_XMPP_P99,
                "comet→XMPP p99.9 ms", LOGINS, HEAP_PER_USER, "heap MiB (idle → users)", RSS);
        for (BridgeMeasurement m : rows) {
            table.row(Integer.toString(m.users()), m.xmppToComet().rate().median(), range(m.xmppToComet().rate()),
                    m.xmppToComet().secondRate().median(), m.cometToXmpp().rate().median(), range(m.cometToXmpp().rate()),
                    m.xmppToCometLatency().p50().median(), m.xmppToCometLatency().p99().median(), m.xmppToCometLatency().p999().median(),
                    m.cometToXmppLatency().p50().median(), m.cometToXmppLatency().p99().median(), m.cometToXmppLatency().p999().median(),
                    m.loginsPerSecond(), m.heapPerUserBytes() / 1024.0,
                    mebibytes(m.heapIdleBytes()) + " → " + mebibytes(m.heapUsersBytes()), mebibytes(m.rssBytes()));
        }
        return table;
    }

    static MarkdownTable baselines(LinkMeasurement nullBackend, Phase.Result[] direct, long rate) {
        MarkdownTable table = new MarkdownTable("baseline", "msg/s (median)", "min–max", "p50 ms", "p99 ms", "p99.9 ms", "latency measured");
        table.row("null backend (link benchmark's main → backend)", nullBackend.inRate().median(), range(nullBackend.inRate()),
                nullBackend.p50Millis().median(), nullBackend.p99Millis().median(), nullBackend.p999Millis().median(),
                "PING→PONG every 10 ms under that load");
        table.row("CometQL → comet → WebSocket (no bridge)", direct[0].rate().median(), range(direct[0].rate()),
                direct[1].p50().median(), direct[1].p99().median(), direct[1].p999().median(),
                "insert (intended) → subscriber at " + rate + " msg/s");
        return table;
    }

    static MarkdownTable ratios(List<BridgeMeasurement> rows, LinkMeasurement nullBackend, Phase.Result[] direct) {
        MarkdownTable table = new MarkdownTable("users", "XMPP→comet × null backend", "XMPP→comet × direct CometQL",
                "comet→XMPP × direct CometQL", "XMPP→comet p99 × direct p99", "comet→XMPP p99 × direct p99");
        for (BridgeMeasurement m : rows) {
            table.row(Integer.toString(m.users()), Numbers.ratio(m.xmppToComet().rate().median(), nullBackend.inRate().median()),
                    Numbers.ratio(m.xmppToComet().rate().median(), direct[0].rate().median()),
                    Numbers.ratio(m.cometToXmpp().rate().median(), direct[0].rate().median()),
                    Numbers.ratio(m.xmppToCometLatency().p99().median(), direct[1].p99().median()),
                    Numbers.ratio(m.cometToXmppLatency().p99().median(), direct[1].p99().median()));
        }
        return table;
    }

    static String verdict(List<BridgeMeasurement> rows, long rate) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "Targets: ≥ %,.0f msg/s XMPP→comet at %,d users; "
                + "hop p99 ≤ %.0f ms at %,d msg/s; heap ≤ 32 KiB per logged-in user at %,d users.%n%n",
                TARGET_RATE, TARGET_RATE_USERS, TARGET_P99_MILLIS, rate, TARGET_HEAP_USERS));
        BridgeMeasurement atRate = find(rows, TARGET_RATE_USERS);
        if (atRate == null) {
            out.append(String.format(Locale.ROOT, "- XMPP→comet at %,d users: not measured in this run%n", TARGET_RATE_USERS));
        } else {
            double r = atRate.xmppToComet().rate().median();
            out.append(String.format(Locale.ROOT, "- XMPP→comet at %,d users: %,.0f msg/s — %s%n", TARGET_RATE_USERS, r,
                    r >= TARGET_RATE ? "met" : "MISSED"));
        }
        for (BridgeMeasurement m : rows) {
            double a = m.xmppToCometLatency().p99().median();
            double b = m.cometToXmppLatency().p99().median();
            out.append(String.format(Locale.ROOT, "- hop p99 at %,d users: XMPP→comet %.2f ms — %s; comet→XMPP %.2f ms — %s%n",
                    m.users(), a, a <= TARGET_P99_MILLIS ? "met" : "MISSED", b, b <= TARGET_P99_MILLIS ? "met" : "MISSED"));
        }
        BridgeMeasurement atHeap = find(rows, TARGET_HEAP_USERS);
        if (atHeap == null) {
            out.append(String.format(Locale.ROOT, "- heap per user at %,d users: not measured in this run (add %,d to --users)%n",
                    TARGET_HEAP_USERS, TARGET_HEAP_USERS));
        } else {
            double h = atHeap.heapPerUserBytes();
            out.append(String.format(Locale.ROOT, "- heap per user at %,d users: %.1f KiB — %s%n", TARGET_HEAP_USERS, h / 1024,
                    h <= TARGET_HEAP_BYTES ? "met" : "MISSED"));
        }
        return out.toString();
    }

    private static BridgeMeasurement find(List<BridgeMeasurement> rows, int users) {
        return rows.stream().filter(m -> m.users() == users).findFirst().orElse(null);
    }

    private static String range(org.spectrumcomet.bench.report.Repeats r) {
        return Numbers.decimal(r.min()) + "–" + Numbers.decimal(r.max());
    }

    private static String mebibytes(OptionalLong bytes) {
        return bytes.isPresent() ? Numbers.decimal(bytes.getAsLong() / (1024.0 * 1024.0)) : "—";
    }
}

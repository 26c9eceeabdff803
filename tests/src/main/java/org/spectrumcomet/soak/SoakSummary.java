package org.spectrumcomet.soak;

import java.util.List;
import java.util.Locale;

/**
 * The Markdown summary at the end of a soak, and its verdict: it passes only when no delivery was
 * lost or duplicated and both children's heap after GC and open descriptors stayed flat by
 * {@link FlatRule#HEAP} and {@link FlatRule#FDS} between the start sample (after the first window
 * of traffic) and the end sample (after the drain).
 */
public record SoakSummary(SoakSettings settings, Ledger ledger, WindowLatency.Percentiles latency,
                          ProcessProbe.Sample backendStart, ProcessProbe.Sample backendEnd,
                          ProcessProbe.Sample cometStart, ProcessProbe.Sample cometEnd,
                          Extras extras, List<SoakRow> rows) {

    /** Counts beside the ledger that explain a failure. */
    public record Extras(long trafficSeconds, long refusals, long stableDisconnects, long disconnects, long violations,
                         int closedWebUsers, long sendFailures, String lastFailure) {
    }

    public boolean flat() {
        return FlatRule.HEAP.flat(backendStart.heapAfterGc(), backendEnd.heapAfterGc())
                && FlatRule.HEAP.flat(cometStart.heapAfterGc(), cometEnd.heapAfterGc())
                && FlatRule.FDS.flat(backendStart.fds(), backendEnd.fds())
                && FlatRule.FDS.flat(cometStart.fds(), cometEnd.fds());
    }

    public boolean passed() {
        return ledger.totalSent() > 0 && ledger.totalLost() == 0 && ledger.totalDuplicates() == 0 && flat();
    }

    public String markdown() {
        StringBuilder md = new StringBuilder();
        SoakSettings s = settings;
        md.append("# Soak summary\n\n");
        md.append(String.format(Locale.ROOT, "%d s of traffic at %.0f msg/s: %d XMPP users through the backend "
                        + "(%d stable in %d rooms, %d churning), %d web users (%d in rooms); loss timeout %d s; bridge "
                        + "room_memory %s.%n%n",
                extras.trafficSeconds(), s.rate(), s.users(), s.stable(), s.rooms(), s.churning(), s.web(),
                s.webInRooms(), s.lossTimeout().toSeconds(), s.roomMemory() == 0 ? "default (500)" : s.roomMemory()));
        md.append("| kind | messages | deliveries sent | received | lost | duplicates | late |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (TrafficKind k : TrafficKind.values()) {
            Ledger.Counts c = ledger.counts(k);
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d |%n", k.name().toLowerCase(Locale.ROOT),
                    c.messages(), c.sent(), c.received(), c.lost(), c.duplicates(), c.late()));
        }
        md.append(String.format(Locale.ROOT, "| **total** | | %d | %d | **%d** | %d | |%n%n",
                ledger.totalSent(), ledger.totalReceived(), ledger.totalLost(), ledger.totalDuplicates()));
        md.append(String.format(Locale.ROOT, "Latency over the run (from the intended send time, %d deliveries): "
                        + "p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms.%n%n",
                latency.count(), latency.p50(), latency.p99(), latency.p999(), latency.max()));
        md.append("| process | heap after GC start → end MiB | RSS start → end MiB | fds start → end | flat |\n");
        md.append("|---|---|---|---|---|\n");
        process(md, "backend", backendStart, backendEnd);
        process(md, "comet server", cometStart, cometEnd);
        md.append("\nFlat rule: heap after GC ").append(FlatRule.HEAP.describe()).append(", open fds ")
                .append(FlatRule.FDS.describe()).append("; start = after the first window of traffic, end = after the drain.\n\n");
        md.append(String.format(Locale.ROOT, "History replays after a re-join (not duplicates): %d. Messages the bridge refused with a \"not delivered\" notice to the "
                        + "sender (counted in lost): %d; DISCONNECTED for stable users: %d (all users: %d); main's protocol "
                        + "violations: %d; web sockets closed: %d; failed sends: %d.%n%n",
                ledger.replays(), extras.refusals(), extras.stableDisconnects(), extras.disconnects(), extras.violations(), extras.closedWebUsers(),
                extras.sendFailures()));
        if (extras.lastFailure() != null) {
            md.append("Last failed send: `").append(extras.lastFailure()).append("`.\n\n");
        }
        md.append("**Verdict: ").append(passed() ? "PASS" : "FAIL").append("** — lost ").append(ledger.totalLost())
                .append(", duplicates ").append(ledger.totalDuplicates()).append(", memory and fds ")
                .append(flat() ? "flat" : "NOT flat").append(".\n\n");
        md.append("## Windows\n\n").append(SoakRow.header()).append('\n');
        rows.forEach(r -> md.append(r.line()).append('\n'));
        return md.toString();
    }

    private static void process(StringBuilder md, String name, ProcessProbe.Sample start, ProcessProbe.Sample end) {
        boolean flat = FlatRule.HEAP.flat(start.heapAfterGc(), end.heapAfterGc()) && FlatRule.FDS.flat(start.fds(), end.fds());
        md.append("| ").append(name).append(" | ").append(SoakRow.mib(start.heapAfterGc())).append(" → ")
                .append(SoakRow.mib(end.heapAfterGc())).append(" | ").append(SoakRow.mib(start.rss())).append(" → ")
                .append(SoakRow.mib(end.rss())).append(" | ").append(start.fds()).append(" → ").append(end.fds())
                .append(" | ").append(flat ? "flat" : "**not flat**").append(" |\n");
    }
}

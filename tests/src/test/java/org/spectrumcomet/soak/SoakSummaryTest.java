package org.spectrumcomet.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SoakSummaryTest {

    private static final long MIB = 1024 * 1024;
    private static final SoakSettings SETTINGS = new SoakSettings(Duration.ofMinutes(1), 40, 100, 50,
            Duration.ofSeconds(10), Duration.ofSeconds(30), Path.of("target"), "backend", 1, 20);
    private static final SoakSummary.Extras EXTRAS = new SoakSummary.Extras(60, 0, 0, 0, 0, 0, 0, null);

    private static ProcessProbe.Sample sample(long heapMib, long fds) {
        return new ProcessProbe.Sample(heapMib * MIB, 200 * MIB, fds);
    }

    private static SoakSummary summary(Ledger ledger, long endHeapMib, long endFds) {
        WindowLatency latency = new WindowLatency();
        SoakRow row = new SoakRow(60, ledger.totalSent(), ledger.totalReceived(), ledger.totalLost(),
                ledger.totalDuplicates(), ledger.openMessages(), latency.nextWindow(), sample(20, 100), sample(30, 300));
        return new SoakSummary(SETTINGS, ledger, latency.wholeRun(), sample(20, 100), sample(endHeapMib, endFds),
                sample(30, 300), sample(30, 300), EXTRAS, List.of(row));
    }

    private static Ledger ledgerWith(boolean loseOne) {
        Ledger ledger = new Ledger(1_000_000_000L, 1_000_000_000L, new WindowLatency());
        long seq = ledger.expect(TrafficKind.XMPP_TO_WEB, System.nanoTime(), 1);
        ledger.delivered(seq, 1);
        if (loseOne) {
            ledger.expect(TrafficKind.WEB_TO_XMPP, System.nanoTime(), 2);
        }
        ledger.sweep(true);
        return ledger;
    }

    @Test
    void nothingLostAndFlatPasses() {
        SoakSummary s = summary(ledgerWith(false), 40, 120);
        assertThat(s.passed()).isTrue();
        assertThat(s.markdown()).contains("**Verdict: PASS**", "| xmpp_to_web | 1 | 1 | 1 | 0 | 0 | 0 |",
                "| backend | 20.0 → 40.0 |", "## Windows");
    }

    @Test
    void oneLostDeliveryFails() {
        SoakSummary s = summary(ledgerWith(true), 20, 100);
        assertThat(s.passed()).isFalse();
        assertThat(s.markdown()).contains("**Verdict: FAIL** — lost 1", "| web_to_xmpp | 1 | 1 | 0 | 1 | 0 | 0 |");
    }

    @Test
    void aGrowingHeapOrGrowingFdsFail() {
        assertThat(summary(ledgerWith(false), 47, 100).passed()).as("20 MiB → 47 MiB").isFalse();
        assertThat(summary(ledgerWith(false), 20, 143).passed()).as("100 fds → 143").isFalse();
        assertThat(summary(ledgerWith(false), 47, 100).markdown()).contains("NOT flat", "**not flat**");
    }
}

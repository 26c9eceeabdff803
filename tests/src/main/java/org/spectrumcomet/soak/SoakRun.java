package org.spectrumcomet.soak;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One soak from start to summary: the chain and the population come up, traffic flows for the
 * duration while a row is printed every interval, then the sender stops, outstanding deliveries get
 * up to the loss timeout to arrive, and the children are sampled a last time. The processes are
 * stopped on every way out.
 */
public final class SoakRun {

    private static final Duration SETTLE = Duration.ofSeconds(2);
    private static final Duration DUPLICATE_WINDOW = Duration.ofSeconds(60);

    private SoakRun() {
    }

    public static SoakSummary run(SoakSettings s, PrintStream out) throws Exception {
        WindowLatency latency = new WindowLatency();
        Ledger ledger = new Ledger(s.lossTimeout().toNanos(), DUPLICATE_WINDOW.toNanos(), latency);
        SoakInbox inbox = new SoakInbox(ledger);
        SoakLayout layout = new SoakLayout(s);
        ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "soak-sweep");
            t.setDaemon(true);
            return t;
        });
        try (SoakChain chain = SoakChain.start(s, inbox);
             SoakPopulation population = SoakPopulation.bringOnline(layout, chain, inbox, out)) {
            Thread.sleep(SETTLE.toMillis()); // the last subscriptions reach comet before anything is published
            sweeper.scheduleWithFixedDelay(() -> ledger.sweep(false), 1, 1, TimeUnit.SECONDS);
            long start = System.nanoTime();
            long end = start + s.duration().toNanos();
            SoakTraffic traffic = new SoakTraffic(layout, chain, population, inbox, ledger, end);
            Thread sender = new Thread(traffic, "soak-traffic");
            sender.start();
            out.println(SoakRow.header());
            List<SoakRow> rows = new ArrayList<>();
            ProcessProbe.Sample backendStart = null;
            ProcessProbe.Sample cometStart = null;
            for (long at = start + s.interval().toNanos(); at <= end && chain.alive(); at += s.interval().toNanos()) {
                sleepUntil(at);
                SoakRow row = row(start, ledger, latency, chain);
                rows.add(row);
                out.println(row.line());
                if (backendStart == null) {
                    backendStart = row.backend();
                    cometStart = row.comet();
                }
            }
            if (!chain.alive()) {
                traffic.stop();
                out.println("a child process died: see " + s.workDir());
            }
            sender.join();
            long trafficSeconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
            long drainEnd = System.nanoTime() + s.lossTimeout().toNanos();
            while (ledger.openMessages() > 0 && System.nanoTime() < drainEnd && chain.alive()) {
                Thread.sleep(50);
            }
            ledger.sweep(true);
            SoakRow last = row(start, ledger, latency, chain);
            rows.add(last);
            out.println(last.line());
            if (backendStart == null) {
                backendStart = last.backend();
                cometStart = last.comet();
            }
            SoakSummary.Extras extras = new SoakSummary.Extras(trafficSeconds, inbox.refusals(), inbox.stableDisconnects(),
                    inbox.disconnects(), chain.main().violations().count(), population.closedWebUsers(),
                    traffic.sendFailures(), traffic.lastFailure());
            return new SoakSummary(s, ledger, latency.wholeRun(), backendStart, last.backend(), cometStart,
                    last.comet(), extras, rows);
        } finally {
            sweeper.shutdownNow();
        }
    }

    private static SoakRow row(long start, Ledger ledger, WindowLatency latency, SoakChain chain) {
        WindowLatency.Percentiles window = latency.nextWindow();
        return new SoakRow(Duration.ofNanos(System.nanoTime() - start).toSeconds(), ledger.totalSent(),
                ledger.totalReceived(), ledger.totalLost(), ledger.totalDuplicates(), ledger.openMessages(), window,
                chain.backendProbe().sample(), chain.cometProbe().sample());
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }
}

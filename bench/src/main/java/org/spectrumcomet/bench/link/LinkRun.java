package org.spectrumcomet.bench.link;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.spectrumcomet.bench.report.LatencyRecorder.Percentiles;
import org.spectrumcomet.bench.report.MemoryProbe;
import org.spectrumcomet.bench.report.Repeats;

/**
 * One backend through the whole procedure: spawn, LOGIN burst (cold JVM), warm-up under load,
 * measured repeats, a second LOGIN burst for as many other users (warm), memory, EXIT.
 *
 * @param logins users logged in (the burst timed for LOGIN→CONNECTED/s)
 * @param loadUsers how many of them the CONV_MESSAGE load goes to, in turn
 * @param window most unacknowledged CONV_MESSAGEs to an echoing backend (acknowledged by the echo)
 * @param pongWindow most unacknowledged CONV_MESSAGEs to other backends (acknowledged by a later PONG)
 * @param pingPeriod time between PINGs
 * @param warmup load before measuring
 * @param repeat length of one measured repeat
 * @param repeats number of repeats (≥ 3 for a real run)
 */
public record LinkRun(int logins, int loadUsers, int window, int pongWindow, Duration pingPeriod, Duration warmup, Duration repeat,
               int repeats, Path workDir) {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    public LinkMeasurement measure(LinkTarget target) throws IOException, InterruptedException {
        try (LoadMain main = new LoadMain()) {
            LoadLink link = main.spawnAndAwaitReady(target, workDir, READY_TIMEOUT);
            List<String> jids = new ArrayList<>(logins);
            for (int i = 0; i < logins; i++) {
                jids.add("user" + i + "@localhost");
            }
            double loginsPerSecond = loginBurst(link, jids, target, main);

            link.startLoad(jids.subList(0, Math.min(loadUsers, logins)), target.echoes() ? window : pongWindow, target.echoes());
            link.startPings(pingPeriod.toNanos());
            TimeUnit.NANOSECONDS.sleep(warmup.toNanos());

            double[] in = new double[repeats];
            double[] out = new double[repeats];
            List<Percentiles> pongs = new ArrayList<>();
            for (int r = 0; r < repeats; r++) {
                link.pongLatency().reset();
                long sent0 = link.sent();
                long received0 = link.received();
                long t0 = System.nanoTime();
                TimeUnit.NANOSECONDS.sleep(repeat.toNanos());
                double seconds = (System.nanoTime() - t0) / 1e9;
                in[r] = (link.sent() - sent0) / seconds;
                out[r] = (link.received() - received0) / seconds;
                pongs.add(link.pongLatency().snapshot());
                if (!link.isOpen()) {
                    throw new IOException(target.label() + " closed the link under load:\n" + main.backend().logTail());
                }
            }
            link.stop();
            // the same burst again for other users, the JVM warm and the load stopped
            TimeUnit.MILLISECONDS.sleep(200);
            List<String> more = new ArrayList<>(logins);
            for (int i = logins; i < 2 * logins; i++) {
                more.add("user" + i + "@localhost");
            }
            double warmLoginsPerSecond = loginBurst(link, more, target, main);
            long pid = main.backend().pid();
            OptionalLong heap = target.isJvm() ? MemoryProbe.heapAfterFullGc(pid) : OptionalLong.empty();
            OptionalLong rss = MemoryProbe.rssBytes(pid);
            return new LinkMeasurement(target, Repeats.of(in), Repeats.of(out), pongs, loginsPerSecond, warmLoginsPerSecond,
                    rss, heap);
        }
    }

    /** Sends LOGIN for {@code jids} at once; LOGIN→CONNECTED/s until the last of them is answered. */
    private double loginBurst(LoadLink link, List<String> jids, LinkTarget target, LoadMain main)
            throws IOException, InterruptedException {
        long expected = link.connected() + jids.size();
        long start = System.nanoTime();
        link.login(jids);
        long deadline = start + READY_TIMEOUT.toNanos();
        while (link.connected() < expected) {
            if (System.nanoTime() > deadline || !link.isOpen()) {
                throw new IOException(target.label() + ": " + link.connected() + " of " + expected
                        + " LOGINs answered with CONNECTED:\n" + main.backend().logTail());
            }
            TimeUnit.MILLISECONDS.sleep(1);
        }
        return jids.size() / ((link.lastConnectedNanos() - start) / 1e9);
    }
}

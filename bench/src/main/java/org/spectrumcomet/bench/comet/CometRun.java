package org.spectrumcomet.bench.comet;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.spectrumcomet.bench.comet.target.CppCometServer;
import org.spectrumcomet.bench.comet.target.OurCometServer;
import org.spectrumcomet.bench.comet.target.RawServer;

/**
 * The order of one comet benchmark run. Throughput and latency share one long-lived process per
 * server (ours, raw, CppComet); each idle-memory measurement gets a fresh process so earlier
 * load does not hide in its "before". Every server is stopped by PID in the end, also on failure.
 */
final class CometRun {

    private final BenchSettings settings;
    private final Path root;
    private final Path work;
    private final String javaOpts;
    private final Fanout fanout;
    private final Latency latency;
    private final Inserts inserts;
    private final IdleConnections idle;
    private int starts;
    private Path jfrDir;

    CometRun(BenchSettings settings, Path root, Path work, String javaOpts) {
        this.settings = settings;
        this.root = root;
        this.work = work;
        this.javaOpts = javaOpts;
        this.fanout = new Fanout(settings);
        this.latency = new Latency(settings);
        this.inserts = new Inserts(settings);
        this.idle = new IdleConnections(settings);
    }

    /** Records a JFR profile of each of our server processes into {@code dir} (null: none). */
    void profileInto(Path dir) {
        this.jfrDir = dir;
    }

    /** The four measurements; {@code --only} picks some. */
    enum Part { IDLE, INSERTS, DURABLE, FANOUT, LATENCY }

    CometResults all(Set<Part> parts, int connections, List<Integer> ks, int pool, int lk, double rate,
                     Duration latencyDuration, Path cppHome, List<Integer> sideKs, List<Integer> sideNs)
            throws Exception {
        CometResults r = new CometResults();
        r.pool = pool;
        r.latencySubscribers = lk;
        if (parts.contains(Part.INSERTS) || parts.contains(Part.DURABLE) || parts.contains(Part.FANOUT) || parts.contains(Part.LATENCY)) {
            load(parts, r, ks, pool, lk, rate, latencyDuration, cppHome, sideKs);
        }
        if (parts.contains(Part.IDLE)) {
            idle(r, connections, cppHome, sideNs);
        }
        return r;
    }

    private void load(Set<Part> parts, CometResults r, List<Integer> ks, int pool, int lk, double rate,
                      Duration latencyDuration, Path cppHome, List<Integer> sideKs) throws Exception {
        try (OurCometServer ours = ours(); RawServer raw = raw()) {
            if (parts.contains(Part.INSERTS)) {
                progress("CometQL INSERT/s on " + ours.name());
                r.insertsOne = inserts.measure(ours, 1);
                r.insertsPooled = inserts.measure(ours, pool);
            }
            if (parts.contains(Part.DURABLE)) {
                progress("CometQL INSERT/s into a pipe that keeps history on " + ours.name());
                r.durableOne = inserts.measure(ours, 1, Inserts.DURABLE_PIPE);
                r.durablePooled = inserts.measure(ours, pool, Inserts.DURABLE_PIPE);
            }
            for (int k : parts.contains(Part.FANOUT) ? ks : List.<Integer>of()) {
                progress("fan-out to " + k + " subscribers");
                r.fanoutOurs.put(k, fanout.measure(ours, k));
                r.fanoutRaw.put(k, fanout.measure(raw, k));
            }
            CppCometServer theirs = cppHome == null ? null : CppCometServer.start(cppHome, work.resolve("cppcomet-" + ++starts));
            try {
                if (theirs != null && parts.contains(Part.FANOUT)) {
                    for (int k : sideKs) {
                        progress("fan-out to " + k + " subscribers, CppComet");
                        r.fanoutTheirs.put(k, fanout.measure(theirs, k));
                        if (!r.fanoutOurs.containsKey(k)) {
                            r.fanoutOurs.put(k, fanout.measure(ours, k));
                            r.fanoutRaw.put(k, fanout.measure(raw, k));
                        }
                    }
                }
                if (parts.contains(Part.LATENCY)) {
                    r.latencyRate = rate > 0 ? rate : autoRate(r, lk);
                    progress("latency at " + r.latencyRate + " msg/s to " + lk + " subscribers");
                    r.latencyOurs = latency.measure(ours, lk, r.latencyRate, latencyDuration);
                    r.latencyRaw = latency.measure(raw, lk, r.latencyRate, latencyDuration);
                    if (theirs != null) {
                        r.latencyTheirs = latency.measure(theirs, lk, r.latencyRate, latencyDuration);
                    }
                }
                if (theirs != null && parts.contains(Part.INSERTS)) {
                    // last: concurrent CometQL statements can crash CppComet (see theirInsertsFailure)
                    progress("CppComet: INSERT/s");
                    try {
                        r.theirInsertsOne = inserts.measure(theirs, 1);
                        r.theirInsertsPooled = inserts.measure(theirs, pool);
                    } catch (Exception e) {
                        r.theirInsertsFailure = "CppComet failed during the INSERT measurement (" + e
                                + "); its log: " + theirs.log() + crashLine(theirs.log());
                        progress(r.theirInsertsFailure);
                    }
                }
            } finally {
                if (theirs != null) {
                    theirs.close();
                }
            }
        }
    }

    private void idle(CometResults r, int connections, Path cppHome, List<Integer> sideNs) throws Exception {
        int held = FileLimit.clampConnections(connections);
        if (held < connections) {
            r.idleNote = "Idle connections asked: " + connections + "; held at most " + held + " because the open-files "
                    + "limit is " + FileLimit.openFiles() + " and cannot be raised here (hard limit; the server and the "
                    + "clients each need one descriptor per connection). Per-connection figures are measured at " + held + ".";
        }
        progress(held + " idle connections");
        try (OurCometServer ours = ours()) {
            r.idleOurs = idle.measure(ours, held);
        }
        try (RawServer raw = raw()) {
            r.idleRaw = idle.measure(raw, held);
        }
        if (cppHome != null) {
            for (int n : sideNs) {
                int count = FileLimit.clampConnections(n);
                progress(count + " idle connections, ours and CppComet");
                try (OurCometServer ours = ours()) {
                    r.sideIdleOurs.put(n, idle.measure(ours, count));
                }
                try (CppCometServer theirs = CppCometServer.start(cppHome, work.resolve("cppcomet-" + ++starts))) {
                    r.sideIdleTheirs.put(n, idle.measure(theirs, count));
                }
            }
        }
    }

    private static String crashLine(Path log) {
        try {
            Thread.sleep(1000); // the backtrace is written while the process dies
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            for (String line : java.nio.file.Files.readAllLines(log, java.nio.charset.StandardCharsets.ISO_8859_1)) {
                if (line.contains("cppcomet(yy")) {
                    // the first frame of the crash backtrace inside CppComet's flex/bison CometQL parser
                    return " — its crash backtrace is in `" + line.replaceAll("^.*cppcomet\\((yy\\w+).*$", "$1") + "`";
                }
            }
        } catch (java.io.IOException e) {
            // no log: the exception above is all we know
        }
        return "";
    }

    /**
     * A quarter of the slowest measured capacity at k subscribers, in msg/s (1..1000; 50 when not
     * measured): every server is compared at the same rate, well below saturation.
     */
    static double autoRate(CometResults r, int k) {
        double slowest = Double.MAX_VALUE;
        for (var map : List.of(r.fanoutOurs, r.fanoutRaw, r.fanoutTheirs)) {
            Fanout.Result result = map.get(k);
            if (result != null) {
                slowest = Math.min(slowest, result.perSecond().median());
            }
        }
        if (slowest == Double.MAX_VALUE) {
            return 50;
        }
        return Math.max(1, Math.min(1000, Math.floor(slowest / k / 4)));
    }

    private OurCometServer ours() throws java.io.IOException {
        int n = ++starts;
        String opts = javaOpts;
        if (jfrDir != null) {
            // one recording per server process: JDK 17 has no %p in the file name
            opts += " -XX:StartFlightRecording=filename=" + jfrDir.resolve("ours-" + n + ".jfr")
                    + ",settings=profile,dumponexit=true";
        }
        return OurCometServer.start(root, work.resolve("ours-" + n), opts);
    }

    private RawServer raw() throws java.io.IOException {
        return RawServer.start(Fanout.PIPE, Fanout.EVENT, javaOpts, work.resolve("raw-" + ++starts));
    }

    private static void progress(String what) {
        System.err.println("comet: " + what);
    }

}

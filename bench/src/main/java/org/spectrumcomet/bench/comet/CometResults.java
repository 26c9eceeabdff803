package org.spectrumcomet.bench.comet;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.spectrumcomet.bench.report.Repeats;

/** Everything one {@code bin/bench comet} run measured, by server, for {@link CometTables}. */
final class CometResults {

    /** Measurement (a) at the requested connection count (possibly clamped, see {@link #idleNote}). */
    MemoryPerConnection idleOurs;
    MemoryPerConnection idleRaw;
    String idleNote = "";

    /** Measurement (b): INSERT/s on one connection and on {@link #pool} connections. */
    Repeats insertsOne;
    Repeats insertsPooled;
    Repeats theirInsertsOne;
    Repeats theirInsertsPooled;
    /** Why CppComet's INSERT figures are missing, or null. */
    String theirInsertsFailure;
    int pool;

    /** Measurement (b2): the same into a pipe that keeps history (each INSERT is a store write). */
    Repeats durableOne;
    Repeats durablePooled;

    /** Measurement (c) by subscriber count. */
    final Map<Integer, Fanout.Result> fanoutOurs = new TreeMap<>();
    final Map<Integer, Fanout.Result> fanoutRaw = new TreeMap<>();
    final Map<Integer, Fanout.Result> fanoutTheirs = new TreeMap<>();

    /** Measurement (d) at {@link #latencySubscribers} subscribers and {@link #latencyRate} msg/s. */
    Latency.Result latencyOurs;
    Latency.Result latencyRaw;
    Latency.Result latencyTheirs;
    int latencySubscribers;
    double latencyRate;

    /** Side by side: memory per idle connection at each count, ours and CppComet's. */
    final Map<Integer, MemoryPerConnection> sideIdleOurs = new LinkedHashMap<>();
    final Map<Integer, MemoryPerConnection> sideIdleTheirs = new LinkedHashMap<>();

    boolean sideBySide() {
        return !fanoutTheirs.isEmpty() || latencyTheirs != null || !sideIdleTheirs.isEmpty();
    }
}

package org.spectrumcomet.bench.cluster;

import org.spectrumcomet.bench.report.LatencyRecorder.Percentiles;
import org.spectrumcomet.bench.report.Repeats;

/**
 * What one topology measured.
 *
 * @param name        the row label ({@link Topology#EMBEDDED} for the baseline)
 * @param nodes       comet-server processes
 * @param perSecond   fan-out deliveries per second over the measured repeats
 * @param writtenOff  fan-out deliveries that never arrived (should be 0)
 * @param latency     publish→deliver percentiles at the fixed rate
 * @param missing     latency-run deliveries that never arrived (should be 0)
 */
record TopologyResult(String name, int nodes, Repeats perSecond, long writtenOff, Percentiles latency, long missing) {

    boolean baseline() {
        return Topology.EMBEDDED.equals(name);
    }
}

package org.spectrumcomet.bench.codec;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.spectrumcomet.bench.report.MarkdownTable;
import org.spectrumcomet.bench.report.Numbers;
import org.spectrumcomet.bench.report.Repeats;

/** JMH results → one row per (sample, case): ns/op median (min–max over iterations), B/op, ratio to its baseline. */
final class CodecTable {

    static final String NS_OP = "ns/op (median)";
    static final String RATIO = "× baseline";

    /** One measured (sample, method). */
    record Measured(Repeats nsPerOp, double bytesPerOp) {
    }

    private final Map<String, Measured> byKey = new HashMap<>();

    CodecTable(Collection<RunResult> results) {
        for (RunResult run : results) {
            String benchmark = run.getParams().getBenchmark();
            String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            String sample = run.getParams().getParam("sample");
            byKey.put(key(sample, method), new Measured(iterationScores(run), allocation(run)));
        }
    }

    private static Repeats iterationScores(RunResult run) {
        double[] scores = run.getBenchmarkResults().stream()
                .map(BenchmarkResult::getIterationResults)
                .flatMap(Collection::stream)
                .map(IterationResult::getPrimaryResult)
                .mapToDouble(Result::getScore)
                .toArray();
        return Repeats.of(scores);
    }

    /** gc.alloc.rate.norm (bytes/op); JMH before 1.36 prefixed secondary labels with "·". */
    private static double allocation(RunResult run) {
        Map<String, Result> secondary = run.getSecondaryResults();
        Result norm = secondary.getOrDefault("gc.alloc.rate.norm", secondary.get("·gc.alloc.rate.norm"));
        return norm == null ? Double.NaN : norm.getScore();
    }

    private static String key(String sample, String method) {
        return sample + "/" + method;
    }

    Measured measured(SampleFrame sample, String method) {
        return byKey.get(key(sample.name(), method));
    }

    /** decode+dispatch ÷ protobuf parse for {@code sample}, NaN when either is missing. */
    double decodeRatio(SampleFrame sample) {
        return ratio(sample, CodecCase.DECODE_DISPATCH);
    }

    double ratio(SampleFrame sample, CodecCase c) {
        Measured m = measured(sample, c.method());
        Measured base = measured(sample, c.baselineMethod());
        return m == null || base == null ? Double.NaN : m.nsPerOp().median() / base.nsPerOp().median();
    }

    MarkdownTable markdown() {
        MarkdownTable table = new MarkdownTable("case", NS_OP, "min", "max", "B/op", RATIO);
        for (SampleFrame sample : SampleFrame.values()) {
            for (CodecCase c : CodecCase.values()) {
                Measured m = measured(sample, c.method());
                if (m == null) {
                    continue;
                }
                Measured base = measured(sample, c.baselineMethod());
                table.row(c.rowLabel(sample), m.nsPerOp().median(), m.nsPerOp().min(), m.nsPerOp().max(),
                        m.bytesPerOp(), base == null ? null : Numbers.ratio(m.nsPerOp().median(), base.nsPerOp().median()));
            }
        }
        return table;
    }
}

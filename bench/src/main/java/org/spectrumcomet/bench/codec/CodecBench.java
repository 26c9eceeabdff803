package org.spectrumcomet.bench.codec;

import java.util.Collection;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.spectrumcomet.bench.ReportOptions;
import org.spectrumcomet.bench.report.BenchReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bin/bench codec}: runs {@link CodecBenchmarks} with JMH (gc profiler for bytes/op), then
 * the {@link LeakCheck}, and reports one table with ratios to the protobuf-java baselines.
 * Target (issue 5): decode+dispatch ≤ 2× protobuf parse; 0 leaks.
 */
@Command(name = "codec", mixinStandardHelpOptions = true,
        description = "codec (JMH): encode+frame and decode+dispatch of CONV_MESSAGE, PARTICIPANT_CHANGED, PING "
                + "against protobuf-java alone and a buffer copy.")
public final class CodecBench implements Callable<Integer> {

    static final double TARGET_DECODE_RATIO = 2.0;

    @Mixin
    ReportOptions report;

    @Option(names = "--quick", description = "Smoke settings: in this JVM (no fork), 1 warm-up and 3 measured iterations of 100 ms, "
            + "fewer leak-check rounds. Numbers from it only prove the benchmark runs.")
    boolean quick;

    @Option(names = "--warmup", defaultValue = "3", description = "Warm-up iterations per benchmark (default: ${DEFAULT-VALUE}).")
    int warmupIterations;

    @Option(names = "--iterations", defaultValue = "5", description = "Measured iterations per benchmark, ≥ 3 (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--time-ms", defaultValue = "1000", description = "Length of one iteration in ms (default: ${DEFAULT-VALUE}).")
    int iterationMillis;

    @Option(names = "--forks", defaultValue = "1", description = "JVM forks per benchmark (default: ${DEFAULT-VALUE}).")
    int forks;

    @Option(names = "--leak-iterations", defaultValue = "20000", description = "Encodes+decodes per sample in the paranoid leak check (default: ${DEFAULT-VALUE}).")
    int leakIterations;

    /** The last run's table, for tests. */
    BenchReport lastReport;

    @Override
    public Integer call() throws Exception {
        if (quick) {
            warmupIterations = 1;
            iterations = 3;
            iterationMillis = 100;
            leakIterations = 2000;
            forks = 0;
        }
        if (iterations < 3) {
            throw new IllegalArgumentException("--iterations must be at least 3 (min/median/max)");
        }
        Collection<RunResult> results = new Runner(options()).run();
        CodecTable table = new CodecTable(results);
        long leaks = LeakCheck.runForked(leakIterations, false);

        BenchReport out = new BenchReport("codec", command());
        out.table("Codec: ns/op and bytes allocated/op (JMH, ratio to the protobuf-java baseline of the same run)", table.markdown());
        out.note(verdict(table, leaks));
        out.note("What one op contains. encode+frame: the frame's exact size computed, a heap array of that size, "
                + "length prefix, wrapper type and payload message written straight into it (WrapperMessageEncoder.frame, "
                + "as OutboundGate does on the sending thread), release; the event loop's copy into a pooled direct buffer "
                + "at the socket write is not included (same order as the buffer-copy row). decode+dispatch: from a buffer wrapping the frame bytes "
                + "(no copy), SpectrumFrameDecoder.nextFrame (length, retained slice), WrapperMessageDecoder.read (wrapper and "
                + "payload parsed in place), release, the link's type switch, then the backend's InboundDispatcher: user lookup, "
                + "route, submit to the user's bounded serial queue and the handler call, the queue's worker being the calling "
                + "thread (the thread hop is the link benchmark's). PARTICIPANT_CHANGED is backend→main only: its route is "
                + "'ignore'. PING stops at the type switch (LinkHandler answers it on the event loop). protobuf parse: "
                + "WrapperMessage.parseFrom(byte[]) then the payload parsed from its ByteString; serialise: payload toByteString, "
                + "wrapper built and toByteArray.");
        out.publish(System.out, report.resultsDirectory());
        lastReport = out;
        return 0;
    }

    private Options options() {
        return new OptionsBuilder()
                .include(Pattern.quote(CodecBenchmarks.class.getName()) + "\\.")
                .warmupIterations(warmupIterations)
                .warmupTime(TimeValue.milliseconds(iterationMillis))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.milliseconds(iterationMillis))
                .forks(forks)
                .jvmArgsAppend("-Dlogback.configurationFile=bench-logback.xml")
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true)
                // JMH's progress goes to stderr so stdout carries only the report
                .output("/dev/stderr")
                .verbosity(quick ? VerboseMode.SILENT : VerboseMode.NORMAL)
                .build();
    }

    private static String verdict(CodecTable table, long leaks) {
        StringBuilder out = new StringBuilder("Targets: decode+dispatch ≤ ")
                .append(TARGET_DECODE_RATIO).append("× protobuf parse; 0 buffer leaks.\n\n");
        for (SampleFrame sample : SampleFrame.values()) {
            double ratio = table.decodeRatio(sample);
            out.append(String.format(Locale.ROOT, "- %s decode+dispatch / protobuf parse = %.2f× — %s%n",
                    sample, ratio, ratio <= TARGET_DECODE_RATIO ? "met" : "MISSED"));
        }
        out.append("- leak reports in the paranoid leak-check JVM: ").append(leaks)
                .append(leaks == 0 ? " — met" : " — MISSED").append('\n');
        return out.toString();
    }

    private String command() {
        return quick ? "bin/bench codec --quick"
                : String.format(Locale.ROOT, "bin/bench codec --warmup %d --iterations %d --time-ms %d --forks %d",
                        warmupIterations, iterations, iterationMillis, forks);
    }
}

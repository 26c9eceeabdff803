package org.spectrumcomet.bench;

import org.spectrumcomet.bench.bridge.BridgeBench;
import org.spectrumcomet.bench.cluster.ClusterBench;
import org.spectrumcomet.bench.codec.CodecBench;
import org.spectrumcomet.bench.comet.CometBench;
import org.spectrumcomet.bench.link.LinkBench;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/bench <name> [options]}: one subcommand per benchmark. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Runs one spectrum-comet benchmark and prints its Markdown table (also written under bench/results/).",
        subcommands = {CodecBench.class, LinkBench.class, BridgeBench.class, CometBench.class, ClusterBench.class})
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line; the exit code (0 when the benchmark ran). */
    public static int execute(String... args) {
        return new CommandLine(new BenchCommand()).execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a benchmark: codec, link, bridge, comet or cluster");
    }
}

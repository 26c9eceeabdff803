package org.spectrumcomet.conformance.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/spectrum-comet}: the top-level command with its subcommands. */
@Command(name = "spectrum-comet", mixinStandardHelpOptions = true, version = "spectrum-comet 0.1.0",
        subcommands = {ConformanceCommand.class, DemoCommand.class},
        description = "spectrum-comet tools: the Spectrum 2 backend conformance kit and the demo.")
public final class SpectrumCometCommand implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.err);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (tests call this instead of {@link #main}). */
    public static int execute(String... args) {
        return new CommandLine(new SpectrumCometCommand()).execute(args);
    }
}

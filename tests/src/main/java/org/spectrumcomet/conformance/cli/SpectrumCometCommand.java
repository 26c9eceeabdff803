package org.spectrumcomet.conformance.cli;

import org.spectrumcomet.backend.SpectrumBackend;
import org.spectrumcomet.echo.EchoBackend;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/spectrum-comet}: the top-level command with its subcommands. */
@Command(name = "spectrum-comet", mixinStandardHelpOptions = true, version = "spectrum-comet 0.1.0",
        subcommands = {ConformanceCommand.class, DemoCommand.class},
        description = {"spectrum-comet tools: the Spectrum 2 backend conformance kit and the demo.",
                "Also: echo-backend --host H --port P [--service.backend_id=N] CONFIG  runs the echo backend."})
public final class SpectrumCometCommand implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.err);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /**
     * Runs the command line and returns its exit code (tests call this instead of {@link #main}).
     * {@code echo-backend ARGS} runs the echo backend in this process with Spectrum's arguments, so
     * {@code service.backend = /path/bin/spectrum-comet echo-backend} works (the launcher execs
     * java, so the PID stays the one Spectrum spawned).
     */
    public static int execute(String... args) {
        if (args.length > 0 && args[0].equals(ECHO_BACKEND)) {
            return SpectrumBackend.run(java.util.Arrays.copyOfRange(args, 1, args.length), EchoBackend.definition());
        }
        return new CommandLine(new SpectrumCometCommand()).execute(args);
    }

    /** The pseudo-subcommand that runs the echo backend (its argv is Spectrum's, not picocli's). */
    public static final String ECHO_BACKEND = "echo-backend";
}

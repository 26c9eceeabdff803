package org.spectrumcomet.conformance.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code demo}: reserved for the comet bridge demo (filled in once the bridge exists). */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Show an XMPP-side and a web-side user talking through the comet bridge.")
public final class DemoCommand implements Callable<Integer> {

    static final int EXIT_UNAVAILABLE = 2;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("demo: not available yet (needs the comet bridge)");
        return EXIT_UNAVAILABLE;
    }
}

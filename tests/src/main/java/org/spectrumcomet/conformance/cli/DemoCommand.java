package org.spectrumcomet.conformance.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.spectrumcomet.demo.Demo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code demo}: an XMPP-side and a web-side user talking through the real comet bridge (see
 * {@link org.spectrumcomet.demo}); prints a transcript, exits 0 when every step happened, 1 otherwise.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Show an XMPP-side and a web-side user talking through the comet bridge.",
                "Starts our comet server in this process, an emulated Spectrum 2 main instance, and spawns "
                        + "bin/spectrum-comet-backend under it as Spectrum does; everything on loopback, free ports.",
                "Exit code 0 when every step happened, 1 otherwise (the failed step is printed on stderr)."})
public final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--verbose", description = "Also print the raw frames (Spectrum protocol, comet WebSocket, CometQL).")
    boolean verbose;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Time limit for the whole demo (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--backend", paramLabel = "CMD",
            description = "The backend command, as in Spectrum's backend= (default: this checkout's bin/spectrum-comet-backend).")
    String backend;

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "Keep the transport config and the backend's log here (default: a temporary directory, "
                    + "removed after a successful run).")
    Path workDir;

    @Option(names = "--stay", paramLabel = "SECONDS", defaultValue = "0",
            description = "After the conversation keep everything running this long (bob online, alice logged in), "
                    + "to open the chat page and curl the metrics URLs the transcript prints (default: ${DEFAULT-VALUE}).")
    int staySeconds;

    @Override
    public Integer call() {
        if (staySeconds < 0) {
            spec.commandLine().getErr().println("demo: --stay must be zero or a positive number of seconds");
            return 2;
        }
        if (timeoutSeconds <= 0) {
            spec.commandLine().getErr().println("demo: --timeout must be a positive number of seconds");
            return 2;
        }
        return Demo.run(new Demo.Options(backend, verbose, Duration.ofSeconds(timeoutSeconds),
                workDir == null ? null : workDir.toAbsolutePath(), Duration.ofSeconds(staySeconds)), System.out, System.err);
    }
}

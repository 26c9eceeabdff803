package org.spectrumcomet.bench.bridge;

import java.util.concurrent.Callable;
import org.spectrumcomet.bench.ReportOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code bin/bench bridge}: placeholder until this benchmark is written. */
@Command(name = "bridge", mixinStandardHelpOptions = true, description = "bridge: XMPP users through spectrum-comet-backend to our comet server.")
public final class BridgeBench implements Callable<Integer> {

    @Mixin
    ReportOptions report;

    @Override
    public Integer call() {
        System.out.println("bridge: not yet");
        return 0;
    }
}

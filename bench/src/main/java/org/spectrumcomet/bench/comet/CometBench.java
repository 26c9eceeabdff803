package org.spectrumcomet.bench.comet;

import java.util.concurrent.Callable;
import org.spectrumcomet.bench.ReportOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code bin/bench comet}: placeholder until this benchmark is written. */
@Command(name = "comet", mixinStandardHelpOptions = true, description = "comet: our comet server's connections, INSERTs and fan-out.")
public final class CometBench implements Callable<Integer> {

    @Mixin
    ReportOptions report;

    @Override
    public Integer call() {
        System.out.println("comet: not yet");
        return 0;
    }
}

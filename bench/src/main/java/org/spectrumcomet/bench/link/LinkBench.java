package org.spectrumcomet.bench.link;

import java.util.concurrent.Callable;
import org.spectrumcomet.bench.ReportOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code bin/bench link}: placeholder until this benchmark is written. */
@Command(name = "link", mixinStandardHelpOptions = true, description = "link: a backend process driven by the emulated main.")
public final class LinkBench implements Callable<Integer> {

    @Mixin
    ReportOptions report;

    @Override
    public Integer call() {
        System.out.println("link: not yet");
        return 0;
    }
}

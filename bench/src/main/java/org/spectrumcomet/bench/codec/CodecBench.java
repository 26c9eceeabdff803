package org.spectrumcomet.bench.codec;

import java.util.concurrent.Callable;
import org.spectrumcomet.bench.ReportOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code bin/bench codec}: placeholder until this benchmark is written. */
@Command(name = "codec", mixinStandardHelpOptions = true, description = "codec (JMH): encode+frame and decode+dispatch of WrapperMessages.")
public final class CodecBench implements Callable<Integer> {

    @Mixin
    ReportOptions report;

    @Override
    public Integer call() {
        System.out.println("codec: not yet");
        return 0;
    }
}

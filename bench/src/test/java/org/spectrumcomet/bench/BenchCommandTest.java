package org.spectrumcomet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchCommandTest {

    @Test
    void knowsEveryBenchmarkByName() {
        CommandLine cli = new CommandLine(new BenchCommand());

        assertThat(cli.getSubcommands()).containsKeys("codec", "link", "bridge", "comet", "cluster");
    }

    @Test
    void noBenchmarkNamedIsAUsageError() {
        assertThat(BenchCommand.execute()).isEqualTo(2);
        assertThat(BenchCommand.execute("nope")).isEqualTo(2);
    }
}

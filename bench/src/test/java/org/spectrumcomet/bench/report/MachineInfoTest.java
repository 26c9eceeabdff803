package org.spectrumcomet.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineInfoTest {

    @Test
    void readsTheCpuModelFromCpuinfo(@TempDir Path dir) throws Exception {
        Path cpuinfo = dir.resolve("cpuinfo");
        Files.writeString(cpuinfo, "processor\t: 0\nmodel name\t: Test CPU @ 2.00GHz\nflags\t: x\n");

        assertThat(MachineInfo.cpuModel(cpuinfo)).isEqualTo("Test CPU @ 2.00GHz");
        assertThat(MachineInfo.cpuModel(dir.resolve("missing"))).startsWith("unknown (");
    }

    @Test
    void readsTheLoadAverage(@TempDir Path dir) throws Exception {
        Path loadavg = dir.resolve("loadavg");
        Files.writeString(loadavg, "13.14 13.62 10.13 9/812 28410\n");

        assertThat(MachineInfo.loadAverage(loadavg)).isEqualTo("13.14 13.62 10.13");
        assertThat(MachineInfo.loadAverage(dir.resolve("missing"))).isEqualTo("unknown");
    }

    @Test
    void currentHasJdkCoresAndDateInItsMarkdown() {
        MachineInfo info = MachineInfo.current();

        assertThat(info.cores()).isPositive();
        assertThat(info.markdown()).contains("- JDK: ", System.getProperty("java.runtime.version"),
                "- CPU: ", "- cores: " + info.cores(), "- date: " + info.date().getYear(), "- load average at start");
    }
}

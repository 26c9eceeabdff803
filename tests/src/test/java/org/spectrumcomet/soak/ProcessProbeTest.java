package org.spectrumcomet.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessProbeTest {

    @Test
    void heapInfoOfG1IsReadWithoutMetaspace() {
        String g1 = """
                12345:
                Command executed successfully
                 garbage-first heap   total 30720K, used 7450K [0x0000000080000000, 0x0000000100000000)
                  region size 1024K, 1 young (1024K), 0 survivors (0K)
                 Metaspace       used 16068K, committed 16320K, reserved 1114112K
                  class space    used 1933K, committed 2048K, reserved 1048576K
                """;
        assertThat(ProcessProbe.heapUsedIn(g1)).isEqualTo(7450L * 1024);
    }

    @Test
    void generationsOfTheSerialCollectorAreSummed() {
        String serial = """
                 def new generation   total 4928K, used 100K [0x1, 0x2, 0x3)
                  eden space 4416K,   2% used [0x1, 0x2, 0x3)
                 tenured generation   total 10944K, used 900K [0x1, 0x2, 0x3)
                 Metaspace       used 6000K, committed 6100K, reserved 1056768K
                """;
        assertThat(ProcessProbe.heapUsedIn(serial)).isEqualTo(1000L * 1024);
        assertThat(ProcessProbe.heapUsedIn("No such process")).isEqualTo(-1);
    }

    @Test
    void thisJvmCanBeSampled(@TempDir Path dir) throws Exception {
        ProcessProbe probe = new ProcessProbe("self", ProcessHandle.current().pid(), dir);
        ProcessProbe.Sample s = probe.sample();
        assertThat(s.heapAfterGc()).isPositive();
        assertThat(s.rss()).isGreaterThan(s.heapAfterGc() / 4);
        assertThat(s.fds()).isGreaterThan(2);
    }
}

package org.spectrumcomet.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MemoryProbeTest {

    @Test
    void heapOfThisJvmIsPositive() {
        assertThat(MemoryProbe.heapAfterFullGc()).isPositive();
    }

    @Test
    void rssOfThisProcessIsReadFromProc() {
        assertThat(MemoryProbe.rssBytes(ProcessHandle.current().pid()).orElseThrow()).isGreaterThan(1024 * 1024);
        assertThat(MemoryProbe.rssBytes(-1)).isEmpty();
    }

    @Test
    void parsesG1AndParallelHeapInfo() {
        String g1 = " garbage-first heap   total 262144K, used 12345K [0x0, 0x1)\n"
                + "  region size 1024K, 5 young (5120K), 0 survivors (0K)\n"
                + " Metaspace       used 9000K, committed 9500K, reserved 1114112K\n";
        String parallel = " PSYoungGen      total 76288K, used 3932K [0x0, 0x1, 0x2)\n"
                + "  eden space 65536K, 6% used [0x0,0x1,0x2)\n"
                + " ParOldGen       total 175104K, used 100K [0x0,0x1,0x2)\n"
                + " Metaspace       used 800K, committed 1000K\n";

        assertThat(MemoryProbe.parseHeapInfo(g1)).hasValue(12345L * 1024);
        assertThat(MemoryProbe.parseHeapInfo(parallel)).hasValue(4032L * 1024);
        assertThat(MemoryProbe.parseHeapInfo("nothing")).isEmpty();
    }

    @Test
    void heapOfAnotherJvmAfterAFullGc() {
        // this JVM is "another" JVM as far as jcmd is concerned
        assertThat(MemoryProbe.heapAfterFullGc(ProcessHandle.current().pid()).orElseThrow()).isPositive();
    }

    @Test
    void parsesVmRss() {
        assertThat(MemoryProbe.parseRss("Name:\tjava\nVmRSS:\t  2048 kB\n")).hasValue(2048L * 1024);
        assertThat(MemoryProbe.parseRss("Name:\tjava\n")).isEmpty();
    }
}

package org.spectrumcomet.backend.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.protocol.pb.Protocol;

class ProcessStatsTest {

    @Test
    void idIsTheRealPid() {
        Protocol.Stats s = new ProcessStats().sample();
        assertThat(s.getId()).isEqualTo(Long.toString(ProcessHandle.current().pid()));
        assertThat(Long.parseLong(s.getId())).isPositive();
    }

    @Test
    void memoryInKibFromProc() {
        Protocol.Stats s = new ProcessStats().sample();
        assertThat(s.isInitialized()).isTrue();
        if (Files.exists(Path.of("/proc/self/status"))) {
            // A JVM is at least several MiB resident and far below 1 TiB: KiB, not bytes or pages.
            assertThat(s.getRes()).isBetween(8 * 1024, 1024 * 1024 * 1024);
            assertThat(s.getInitRes()).isBetween(8 * 1024, 1024 * 1024 * 1024);
            assertThat(s.getShared()).isBetween(1, s.getRes());
        }
    }
}

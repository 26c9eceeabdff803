package org.spectrumcomet.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LeftoverProcessesTest {

    @Test
    void killsAProcessInItsOwnSessionWithThatArgumentButNotOneWithALongerPath() throws Exception {
        String marker = "/tmp/peers-leftover-" + UUID.randomUUID() + "/spectrum.cfg";
        // A builtin (read on the open stdin pipe) keeps bash itself waiting, with the marker as $0, and no child.
        // setsid, like spectrum2 does for its backends: the process is no descendant we could walk to.
        Process named = new ProcessBuilder("setsid", "bash", "-c", "read -t 60 line; exit 0", marker).start();
        Process other = new ProcessBuilder("bash", "-c", "read -t 60 line; exit 0", "/other" + marker).start();
        try {
            ProcessHandle namedHandle = awaitDescendantOrSelf(named, marker);

            LeftoverProcesses.killAllNaming(marker);

            assertThat(namedHandle.onExit()).succeedsWithin(Duration.ofSeconds(10));
            assertThat(other.isAlive()).as("a process naming another instance's path survives").isTrue();
        } finally {
            named.destroyForcibly();
            other.destroyForcibly();
        }
    }

    /** setsid may fork: the process carrying the marker is the started one or its child. */
    private static ProcessHandle awaitDescendantOrSelf(Process process, String marker) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5_000;
        while (System.currentTimeMillis() < deadline) {
            var found = ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().map(c -> c.endsWith(marker)).orElse(false))
                    .findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("process naming " + marker + " did not appear");
    }
}

package org.spectrumcomet.peers;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kills the processes of one test instance that survived {@code stop}: spectrum2 runs each backend
 * in its own session ({@code setsid}), so they are no descendants of the test JVM, but each one
 * carries the instance's config path as an argument ({@code -n DIR/spectrum.cfg}), and so does
 * spectrum2 itself. The argument must be equal, not merely contain the path: another test's
 * directory may share a prefix or suffix.
 */
final class LeftoverProcesses {

    private static final Logger LOG = LoggerFactory.getLogger(LeftoverProcesses.class);

    private LeftoverProcesses() {
    }

    /** SIGTERM, then SIGKILL after 5 s, to every process with an argument equal to {@code argument}. */
    static void killAllNaming(String argument) {
        long self = ProcessHandle.current().pid();
        List<ProcessHandle> leftovers = ProcessHandle.allProcesses()
                .filter(p -> p.pid() != self)
                .filter(p -> p.info().arguments().map(args -> Arrays.asList(args).contains(argument)).orElse(false))
                .toList();
        for (ProcessHandle p : leftovers) {
            LOG.info("killing leftover process {} ({})", p.pid(), p.info().commandLine().orElse("?"));
            p.destroy();
        }
        for (ProcessHandle p : leftovers) {
            try {
                p.onExit().get(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.warn("leftover process {} ignored SIGTERM, sending SIGKILL", p.pid());
                p.destroyForcibly();
            }
        }
    }
}

package org.spectrumcomet.bench.comet.target;

import java.util.concurrent.TimeUnit;

/** Ends a process we started, by its handle: SIGTERM, then SIGKILL after a grace period. */
final class ProcessStop {

    private ProcessStop() {
    }

    static void stop(Process process, long graceSeconds) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}

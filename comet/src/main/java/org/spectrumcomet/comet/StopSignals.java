package org.spectrumcomet.comet;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGTERM/SIGINT end the server with exit code 0. The JVM's own handling would run shutdown
 * hooks and exit 143/130; catching the signals lets the main thread close everything in order and
 * return normally. A shutdown hook still closes the server on any other way out.
 */
final class StopSignals {

    private static final Logger log = LoggerFactory.getLogger(StopSignals.class);

    private StopSignals() {
    }

    static void install(CountDownLatch stop, CometServer server) {
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "comet-shutdown"));
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
                    log.info("SIG{} received", name);
                    stop.countDown();
                });
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                log.debug("cannot handle SIG{} ({}); the shutdown hook will close the server", name, e.toString());
            }
        }
    }
}

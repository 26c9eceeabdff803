package org.spectrumcomet.comet.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * What one protocol writes to its sockets: {@code comet_messages_out_total{protocol}} (every
 * frame written) and the shared {@code comet_publish_delivery_seconds} histogram. Both meters
 * are resolved once; the methods do no lookups and take no locks, for the fan-out path.
 */
public final class DeliveryMeter {

    private final Counter out;
    private final Timer delivery;

    DeliveryMeter(Counter out, Timer delivery) {
        this.out = out;
        this.delivery = delivery;
    }

    /** One frame went to the socket. */
    public void written() {
        out.increment();
    }

    /**
     * Records publish → socket for a frame of a pipe publish.
     *
     * @param acceptedNanos {@link System#nanoTime()} when the engine of this node accepted the publish
     */
    public void delivered(long acceptedNanos) {
        delivery.record(System.nanoTime() - acceptedNanos, TimeUnit.NANOSECONDS);
    }
}

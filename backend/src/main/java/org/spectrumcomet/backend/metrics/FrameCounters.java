package org.spectrumcomet.backend.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/**
 * One counter per frame type, e.g. {@code spectrum_backend_frames_received_total{type="CONV_MESSAGE"}}.
 * A type's counter is registered the first time that type is seen (so the exposition lists only
 * types that occurred) and then kept in an array by the enum's ordinal: counting is an array read
 * and an add, never a tag lookup.
 */
final class FrameCounters {

    private final MeterRegistry registry;
    private final String name;
    private final String description;
    private final AtomicReferenceArray<Counter> byType = new AtomicReferenceArray<>(Type.values().length);

    FrameCounters(MeterRegistry registry, String name, String description) {
        this.registry = registry;
        this.name = name;
        this.description = description;
    }

    void increment(Type type) {
        Counter c = byType.get(type.ordinal());
        if (c == null) {
            // two threads may race here; the registry returns the same counter to both
            c = Counter.builder(name).description(description).tag("type", label(type)).register(registry);
            byType.set(type.ordinal(), c);
        }
        c.increment();
    }

    /** {@code TYPE_CONV_MESSAGE} → {@code CONV_MESSAGE}, the name the protocol spec uses. */
    static String label(Type type) {
        String n = type.name();
        return (n.startsWith("TYPE_") ? n.substring(5) : n).toUpperCase(Locale.ROOT);
    }
}

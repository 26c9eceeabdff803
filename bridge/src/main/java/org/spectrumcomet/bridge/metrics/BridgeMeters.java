package org.spectrumcomet.bridge.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

/**
 * The bridge's message counters, every one registered up front and kept in arrays by
 * {@link MessageKind} ordinal, so that counting a message is an array read and an add:
 * <ul>
 *   <li>{@code spectrum_comet_bridge_messages_to_comet_total{kind,result}}: XMPP → comet, counted
 *       when comet answered the CometQL statement ({@code result="ok"}) or it failed ({@code "failed"});</li>
 *   <li>{@code spectrum_comet_bridge_messages_from_comet_total{kind}}: comet → XMPP, counted when the
 *       bridge hands the message to the main instance (live, from the offline queue, or room history).</li>
 * </ul>
 */
public final class BridgeMeters {

    static final String PREFIX = "spectrum.comet.bridge.";

    private final Counter[] toCometOk;
    private final Counter[] toCometFailed;
    private final Counter[] fromComet;

    public BridgeMeters(MeterRegistry registry) {
        MessageKind[] kinds = MessageKind.values();
        toCometOk = new Counter[kinds.length];
        toCometFailed = new Counter[kinds.length];
        fromComet = new Counter[kinds.length];
        for (MessageKind k : kinds) {
            toCometOk[k.ordinal()] = toComet(registry, k, "ok");
            toCometFailed[k.ordinal()] = toComet(registry, k, "failed");
            fromComet[k.ordinal()] = Counter.builder(PREFIX + "messages.from.comet").tag("kind", k.label())
                    .description("Messages from comet handed to the XMPP side, by kind").register(registry);
        }
    }

    /** Counters that count nothing (tests and embedded use without metrics). */
    public static BridgeMeters none() {
        return new BridgeMeters(new CompositeMeterRegistry());
    }

    private static Counter toComet(MeterRegistry registry, MessageKind kind, String result) {
        return Counter.builder(PREFIX + "messages.to.comet").tag("kind", kind.label()).tag("result", result)
                .description("Messages from XMPP users sent to comet by CometQL, by kind and outcome").register(registry);
    }

    /** One message sent towards comet has completed. */
    public void toComet(MessageKind kind, boolean ok) {
        (ok ? toCometOk : toCometFailed)[kind.ordinal()].increment();
    }

    /** One message from comet went to the XMPP side. */
    public void fromComet(MessageKind kind) {
        fromComet[kind.ordinal()].increment();
    }
}

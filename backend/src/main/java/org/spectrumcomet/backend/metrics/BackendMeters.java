package org.spectrumcomet.backend.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.spectrumcomet.backend.link.LinkObserver;
import org.spectrumcomet.backend.link.OutboundGate;
import org.spectrumcomet.backend.outbound.ConnectionError;
import org.spectrumcomet.backend.outbound.FrameSink;
import org.spectrumcomet.backend.outbound.LoginLedger;
import org.spectrumcomet.backend.outbound.LoginOutcomes;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/**
 * The generic backend meters ({@code spectrum_backend_*}), fed by the link ({@link LinkObserver}),
 * the LOGIN answers ({@link LoginOutcomes}) and the outbound path ({@link #sink}). Every counter
 * with a bounded label set is resolved here once; hot paths only increment.
 */
public final class BackendMeters implements LinkObserver, LoginOutcomes {

    static final String PREFIX = "spectrum.backend.";

    private final AtomicInteger mainLinkUp = new AtomicInteger();
    private final FrameCounters received;
    private final FrameCounters sent;
    private final Counter pings;
    private final Counter logouts;
    private final Timer pingPong;
    private final Counter loginsOk;
    private final Counter[] loginsRefused;
    private final Counter[] disconnects;

    public BackendMeters(MeterRegistry registry, LoginLedger ledger, OutboundGate gate) {
        Gauge.builder(PREFIX + "main.link.up", mainLinkUp, AtomicInteger::get)
                .description("1 while the link to the Spectrum main instance is up, else 0").register(registry);
        Gauge.builder(PREFIX + "users.logged.in", ledger, LoginLedger::connectedCount)
                .description("Users connected now (CONNECTED sent, no LOGOUT or DISCONNECTED since)").register(registry);
        Gauge.builder(PREFIX + "outbound.pending.bytes", gate, OutboundGate::pendingBytes).baseUnit("bytes")
                .description("Bytes of frames queued for the main instance, not yet written").register(registry);
        FunctionCounter.builder(PREFIX + "outbound.dropped.frames", gate, OutboundGate::droppedFrames)
                .description("Frames dropped because the main instance did not read (outbound cap)").register(registry);
        received = new FrameCounters(registry, PREFIX + "frames.received", "Frames received from the main instance, by type");
        sent = new FrameCounters(registry, PREFIX + "frames.sent", "Frames handed to the link for the main instance, by type");
        pings = Counter.builder(PREFIX + "pings").description("PINGs received from the main instance").register(registry);
        logouts = Counter.builder(PREFIX + "logouts").description("LOGOUT frames received").register(registry);
        pingPong = Timer.builder(PREFIX + "ping.pong")
                .description("From reading a PING to its PONG written to the socket")
                .serviceLevelObjectives(ms(0.1), ms(0.25), ms(0.5), ms(1), ms(2.5), ms(5), ms(10), ms(25), ms(50),
                        ms(100), ms(250), ms(1000))
                .register(registry);
        loginsOk = login(registry, "ok");
        ConnectionError[] errors = ConnectionError.values();
        loginsRefused = new Counter[errors.length];
        disconnects = new Counter[errors.length];
        for (ConnectionError e : errors) {
            String code = e.name().toLowerCase(Locale.ROOT);
            loginsRefused[e.ordinal()] = login(registry, code);
            disconnects[e.ordinal()] = Counter.builder(PREFIX + "disconnects").tag("error", code)
                    .description("Connected users the backend disconnected, by ConnectionError").register(registry);
        }
    }

    private static Counter login(MeterRegistry registry, String result) {
        return Counter.builder(PREFIX + "logins").tag("result", result)
                .description("LOGINs answered: ok (CONNECTED) or the DISCONNECTED error that refused them")
                .register(registry);
    }

    private static Duration ms(double millis) {
        return Duration.ofNanos((long) (millis * 1_000_000));
    }

    /** {@code gate} with every frame it accepts counted by type. */
    public FrameSink sink(FrameSink gate) {
        return (frame, user) -> {
            boolean accepted = gate.send(frame, user);
            if (accepted) {
                sent.increment(frame.type());
            }
            return accepted;
        };
    }

    @Override
    public void linkUp() {
        mainLinkUp.set(1);
    }

    @Override
    public void linkDown() {
        mainLinkUp.set(0);
    }

    /** True while the link to the main instance is up. */
    public boolean mainLinkUp() {
        return mainLinkUp.get() == 1;
    }

    @Override
    public void frameReceived(Type type) {
        received.increment(type);
        if (type == Type.TYPE_PING) {
            pings.increment();
        } else if (type == Type.TYPE_LOGOUT) {
            logouts.increment();
        }
    }

    @Override
    public void pingAnswered(long nanos) {
        pingPong.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void accepted() {
        loginsOk.increment();
    }

    @Override
    public void refused(ConnectionError error) {
        loginsRefused[error.ordinal()].increment();
    }

    @Override
    public void disconnected(ConnectionError error) {
        disconnects[error.ordinal()].increment();
    }
}

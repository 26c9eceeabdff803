package org.spectrumcomet.bridge;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.spectrumcomet.backend.BackendDefinition;
import org.spectrumcomet.backend.SpectrumBackend;
import org.spectrumcomet.backend.config.TransportConfig;
import org.spectrumcomet.backend.outbound.BackendFeatures;
import org.spectrumcomet.bridge.config.CometSettings;
import org.spectrumcomet.bridge.metrics.BridgeMeters;
import org.spectrumcomet.bridge.metrics.CometLinkProbe;
import org.spectrumcomet.bridge.metrics.CometLinkState;
import org.spectrumcomet.bridge.metrics.MeteredCometNetwork;
import org.spectrumcomet.bridge.metrics.SessionGauges;
import org.spectrumcomet.bridge.session.CometClientNetwork;
import org.spectrumcomet.bridge.session.ScheduledSessionTimer;
import org.spectrumcomet.bridge.session.SessionServices;
import org.spectrumcomet.bridge.session.Sessions;

/**
 * The process Spectrum's {@code backend=} setting starts ({@code bin/spectrum-comet-backend}):
 * {@code --host H --port P [--service.backend_id=N] CONFIG}. Features: registration with password
 * (user name = comet user id, password = that user's comet key; required in gateway mode only),
 * MUC, receipts, and the stored roster after LOGIN (so buddies' presence can be tracked). Exit codes as the backend library's:
 * 0 EXIT/EOF, 1 main unreachable, 2 config problem (e.g. a bad {@code [comet]} key).
 */
public final class SpectrumCometBackend {

    public static final String NAME = "spectrum-comet-backend";
    public static final String VERSION = "0.1.0";
    /** Threads running sessions' serial executors; session work never blocks, so few are needed. */
    private static final int SESSION_THREADS = 4;

    private SpectrumCometBackend() {
    }

    public static void main(String[] args) {
        System.exit(SpectrumBackend.run(args, definition()));
    }

    /** The backend as the library runs it; the comet client is built before the link connects. */
    public static BackendDefinition definition() {
        return BackendDefinition.builder(NAME, VERSION)
                .features(SpectrumCometBackend::features)
                .handlers(context -> {
                    CometSettings settings = CometSettings.from(context.config());
                    ExecutorService pool = Executors.newFixedThreadPool(SESSION_THREADS, daemon("bridge-session"));
                    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("bridge-timer"));
                    CometClientNetwork network = new CometClientNetwork(settings.nodes(), context.eventLoops(), pool);
                    MeterRegistry registry = context.metrics().registry();
                    CometLinkState link = new CometLinkState(cometqlAddresses(settings), settings.websocket(), timer,
                            CometLinkState.DEBOUNCE, registry);
                    context.metrics().addHealthCheck("comet", link::problem);
                    BridgeMeters meters = new BridgeMeters(registry);
                    MeteredCometNetwork metered = new MeteredCometNetwork(network, meters, link);
                    CometLinkProbe.start(metered, link, timer, CometLinkProbe.INTERVAL); // ends with the timer
                    SessionServices services = new SessionServices(context.mainInstance(), metered, settings,
                            new ScheduledSessionTimer(timer), Clock.systemUTC(), pool, meters);
                    Sessions sessions = new Sessions(services);
                    SessionGauges.register(registry, sessions);
                    return CometBridge.handlers(services, sessions, () -> {
                        network.close();
                        timer.shutdownNow();
                        pool.shutdown();
                    });
                })
                .build();
    }

    /**
     * The features for BACKEND_CONFIG. {@code needRegistration} only in gateway mode: in server
     * mode ({@code [service] server_mode = 1}) Spectrum would refuse every user missing from its
     * database, and the comet key is checked by the bridge at LOGIN anyway.
     */
    static BackendFeatures features(TransportConfig config) {
        boolean serverMode = config.service().getBoolean("server_mode", false);
        return BackendFeatures.builder().needPassword(true).needRegistration(!serverMode).muc(true)
                .receipts(true).sendBuddiesOnLogin(true).build();
    }

    /** Every node's CometQL address, for the comet link's log lines ("127.0.0.1:3307, 127.0.0.1:3308"). */
    private static String cometqlAddresses(CometSettings settings) {
        return settings.nodes().stream().map(node -> node.cometqlHost() + ":" + node.cometqlPort())
                .collect(Collectors.joining(", "));
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}

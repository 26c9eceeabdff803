package org.spectrumcomet.soak;

import java.io.IOException;
import java.time.Duration;
import org.spectrumcomet.conformance.comet.CometQl;
import org.spectrumcomet.conformance.comet.CometServerProcess;
import org.spectrumcomet.conformance.comet.CometTarget;
import org.spectrumcomet.conformance.main.MainInstance;
import org.spectrumcomet.conformance.main.MainOptions;

/**
 * The processes of a soak: our comet server (in memory, its own JVM), the emulated Spectrum main
 * and the backend it spawns — pointed at comet only through the {@code [comet]} section
 * ({@link #cometSection}), its sockets straight to comet (no gate) — plus the CometQL link used for setup. Every received
 * backend frame goes to the {@link SoakInbox}; the recording itself keeps only the first frames.
 */
public final class SoakChain implements AutoCloseable {

    private static final int RECORD_CAP = 10_000;
    private static final Duration LINK_TIMEOUT = Duration.ofSeconds(30);

    private final CometServerProcess comet;
    private final CometQl cometql;
    private final MainInstance main;
    private final ProcessProbe cometProbe;
    private final ProcessProbe backendProbe;

    private SoakChain(CometServerProcess comet, CometQl cometql, MainInstance main, ProcessProbe cometProbe,
                      ProcessProbe backendProbe) {
        this.comet = comet;
        this.cometql = cometql;
        this.main = main;
        this.cometProbe = cometProbe;
        this.backendProbe = backendProbe;
    }

    /** Starts comet, the main and the backend; returns once the backend's link is up. */
    public static SoakChain start(SoakSettings settings, SoakInbox inbox) throws Exception {
        CometServerProcess comet = CometServerProcess.start(CometServerProcess.Settings.inMemory(
                settings.workDir().resolve("comet"), "soakkey").withMaxQueuedPerUser(10_000));
        CometQl cometql = null;
        MainInstance main = null;
        try {
            cometql = new CometQl(comet.target());
            main = MainInstance.start(MainOptions.defaults(settings.workDir())
                    .withPingInterval(Duration.ofSeconds(10)).withRecordCap(RECORD_CAP)
                    .withExtraConfig(cometSection(comet.target(), settings)));
            main.recording().listen(inbox::onFrame);
            long backendPid = main.spawn(settings.backendCommand(), "backend").pid();
            if (main.awaitLink(LINK_TIMEOUT) == null) {
                throw new IOException("the backend did not connect within " + LINK_TIMEOUT.toSeconds()
                        + " s (log: " + settings.workDir().resolve("backend.log") + ")");
            }
            return new SoakChain(comet, cometql, main,
                    new ProcessProbe("comet server", comet.pid(), settings.workDir()),
                    new ProcessProbe("backend", backendPid, settings.workDir()));
        } catch (Exception e) {
            if (main != null) {
                main.close();
            }
            if (cometql != null) {
                cometql.close();
            }
            comet.close();
            throw e;
        }
    }

    /**
     * The bridge's {@code [comet]} section: where comet is, and otherwise the bridge's production
     * defaults (10 s query and login timeouts, 60 s grace period) — not the conformance kit's short
     * test timeouts, which a loaded machine would trip.
     */
    static String cometSection(CometTarget target, SoakSettings settings) {
        return "[comet]\n"
                + "cometql = " + target.host() + ":" + target.cometqlPort() + "\n"
                + "websocket = ws://" + target.host() + ":" + target.wsPort() + "\n"
                + "dev_id = " + target.tenantId() + "\n"
                + "dev_key = " + target.tenantKey() + "\n"
                + settings.cometExtras();
    }

    public CometTarget target() {
        return comet.target();
    }

    /** The setup link (users_auth); traffic uses its own connections. */
    public CometQl cometql() {
        return cometql;
    }

    public MainInstance main() {
        return main;
    }

    public ProcessProbe cometProbe() {
        return cometProbe;
    }

    public ProcessProbe backendProbe() {
        return backendProbe;
    }

    /** Whether both children still run. */
    public boolean alive() {
        return comet.isAlive() && main.process() != null && main.process().isAlive();
    }

    @Override
    public void close() throws Exception {
        main.close();
        cometql.close();
        comet.close();
    }
}

package org.spectrumcomet.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.spectrumcomet.conformance.main.BackendProcess;
import org.spectrumcomet.conformance.main.FrameRecord;
import org.spectrumcomet.conformance.main.FrameRecord.Direction;
import org.spectrumcomet.conformance.main.MainInstance;
import org.spectrumcomet.conformance.main.MainOptions;
import org.spectrumcomet.conformance.main.Violation;
import org.spectrumcomet.protocol.SpectrumMessage;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/**
 * The emulated Spectrum 2 main instance (the conformance kit's {@link MainInstance}) with the
 * bridge spawned under it exactly as Spectrum spawns a backend:
 * {@code <backend> --host 127.0.0.1 --port P --service.backend_id=1 <transport config>}, the
 * config carrying the {@code [comet]} section. Every frame is recorded and checked by the kit; a
 * frame that would make the real Spectrum drop or kill the backend fails the demo.
 */
final class SpectrumMain implements Transcript.RawSource, AutoCloseable {

    static final String BACKEND_NAME = "spectrum-comet-backend";
    private static final Duration SLICE = Duration.ofMillis(200);

    private final MainInstance main;
    private final BackendProcess process;
    private long rawPrinted;

    private SpectrumMain(MainInstance main, BackendProcess process) {
        this.main = main;
        this.process = process;
    }

    /** Starts the main instance on 127.0.0.1:0 and spawns {@code backendCommand} with {@code cometSection}. */
    static SpectrumMain spawn(String backendCommand, String cometSection, Path workDir) throws DemoFailure {
        MainInstance main = null;
        try {
            main = MainInstance.start(MainOptions.defaults(workDir).withExtraConfig(cometSection));
            BackendProcess process = main.spawn(backendCommand, BACKEND_NAME);
            return new SpectrumMain(main, process);
        } catch (IOException e) {
            main.close();
            throw new DemoFailure("cannot spawn the backend " + backendCommand + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailure("interrupted while starting the main instance", e);
        }
    }

    int port() {
        return main.port();
    }

    long pid() {
        return process.pid();
    }

    Path backendLog() {
        return process.logFile();
    }

    /**
     * Waits for the backend to connect and answer the first PING (Spectrum's "backend ready");
     * fails at once if the process ends first (a bad config exits with code 2).
     */
    void awaitReady(Duration timeout) throws DemoFailure {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (main.awaitLink(Duration.ofMillis(100)) == null) {
                if (!process.isAlive()) {
                    throw failure("the backend exited with code " + process.exitCode() + " before connecting");
                }
                if (System.nanoTime() > deadline) {
                    throw failure("the backend did not connect to the main instance within " + timeout.toMillis() + " ms");
                }
            }
            awaitRecord(0, m -> m.type() == Type.TYPE_PONG, Duration.ofNanos(Math.max(1, deadline - System.nanoTime())),
                    "PONG to the first PING");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailure("interrupted while waiting for the backend", e);
        }
    }

    XmppUser user(DemoUser user) {
        return new XmppUser(this, main.user(user.name() + "@" + org.spectrumcomet.conformance.main.TransportConfig.JID),
                user);
    }

    void send(SpectrumMessage message) {
        main.send(message);
    }

    /** The position of the next frame: waits from here only see what comes after. */
    long mark() {
        return main.recording().mark();
    }

    /** Waits for a received message from {@code from} on; fails naming {@code what}. */
    SpectrumMessage awaitReceived(long from, Predicate<SpectrumMessage> match, Duration timeout, String what)
            throws DemoFailure {
        return awaitRecord(from, match, timeout, what).message();
    }

    /** As {@link #awaitReceived}, with the frame's place in the recording. */
    FrameRecord awaitRecord(long from, Predicate<SpectrumMessage> match, Duration timeout, String what)
            throws DemoFailure {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = end - System.nanoTime();
            // Short slices: a backend that died is reported at once, not after the step's whole allowance.
            Optional<FrameRecord> found = main.recording().awaitReceived(from,
                    Duration.ofNanos(Math.max(1, Math.min(left, SLICE.toNanos()))), match);
            if (found.isPresent()) {
                return found.get();
            }
            if (main.recording().isClosed()) {
                throw failure(what + " did not arrive: the backend closed the link"
                        + (process.isAlive() ? "" : " and exited with code " + process.exitCode()));
            }
            if (System.nanoTime() - end >= 0) {
                throw failure(what + " did not arrive within " + timeout.toMillis() + " ms");
            }
        }
    }

    /** Received messages with {@code from <= seq <= to}, in order. */
    List<SpectrumMessage> received(long from, long to) {
        return main.recording().all().stream().filter(r -> r.seq() >= from && r.seq() <= to
                && r.direction() == Direction.RECEIVED && r.message() != null).map(FrameRecord::message).toList();
    }

    /** Fails if the kit flagged any frame the real Spectrum would drop, or that would kill the backend. */
    void requireNoViolations() throws DemoFailure {
        requireNoViolations(0, true);
    }

    /** Where violations found from now on start: pass to {@link #requireNoViolations(long, boolean)}. */
    long violationMark() {
        main.link().settle();
        return main.violations().count();
    }

    /**
     * Fails on violations since {@code from}; with {@code dropsCount} false, frames the main would
     * only drop are let pass — e.g. a buddy update already in flight when the main sent LOGOUT,
     * which no backend can take back.
     */
    void requireNoViolations(long from, boolean dropsCount) throws DemoFailure {
        main.link().settle();
        List<Violation> found = main.violations().since(from).stream()
                .filter(v -> dropsCount || v.effect() != Violation.Effect.DROP).toList();
        if (!found.isEmpty()) {
            throw failure("the backend sent frames the real Spectrum would not accept: " + found);
        }
    }

    /** Sends EXIT as Spectrum does when it stops, and waits for the process to end; its exit code. */
    int exit(Duration timeout) throws DemoFailure {
        main.sendExit();
        try {
            if (!process.awaitExit(timeout)) {
                throw failure("the backend did not exit within " + timeout.toMillis() + " ms after EXIT");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailure("interrupted while waiting for the backend to exit", e);
        }
        return process.exitCode();
    }

    /** A failure with the last frames and the backend's own last log lines, to see why. */
    DemoFailure failure(String reason) {
        return new DemoFailure(reason + "\n  last frames:\n" + indent(main.recording().tail(8))
                + "  backend log " + process.logFile() + ":\n" + indent(process.logTail(15)));
    }

    private static String indent(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                out.append("    ").append(line).append('\n');
            }
        }
        return out.isEmpty() ? "    (none)\n" : out.toString();
    }

    @Override
    public List<Transcript.RawLine> drainRaw() {
        List<Transcript.RawLine> out = new ArrayList<>();
        for (FrameRecord r : main.recording().all()) {
            if (r.seq() >= rawPrinted) {
                out.add(new Transcript.RawLine(r.at(), "[spectrum] "
                        + (r.direction() == Direction.SENT ? "main -> backend " : "backend -> main ") + r.frame()));
                rawPrinted = r.seq() + 1;
            }
        }
        return out;
    }

    /** Closes the link and the main's event loop; kills the backend if it is still running. */
    @Override
    public void close() {
        main.close();
    }
}

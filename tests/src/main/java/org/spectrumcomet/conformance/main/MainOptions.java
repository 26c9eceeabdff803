package org.spectrumcomet.conformance.main;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the emulated main instance behaves.
 *
 * @param pingInterval Spectrum's ping tick (20 s in Spectrum; shorter in tests)
 * @param exitIdleBackend whether a tick sends EXIT to a backend without users, as Spectrum does;
 *                        off by default so a scenario is not cut short between two steps
 * @param extraConfig text appended to the transport config file (e.g. a {@code [comet]} section)
 * @param workDir where the config file and the backend's output log are written
 * @param maxFrameLength largest inbound frame accepted (Spectrum has none; the kit must, or a
 *                       broken backend could exhaust its memory); a longer frame closes the link
 * @param recordCap most frames kept in the {@link Recording}; later frames are counted, not kept,
 *                  and the recording is marked as overflowed
 */
public record MainOptions(Duration pingInterval, boolean exitIdleBackend, String extraConfig, Path workDir,
                          int maxFrameLength, int recordCap) {

    public static final Duration SPECTRUM_PING_INTERVAL = Duration.ofSeconds(20);

    public MainOptions {
        Objects.requireNonNull(pingInterval, "pingInterval");
        Objects.requireNonNull(extraConfig, "extraConfig");
        Objects.requireNonNull(workDir, "workDir");
        if (pingInterval.isNegative() || pingInterval.isZero()) {
            throw new IllegalArgumentException("ping interval must be positive: " + pingInterval);
        }
        if (maxFrameLength <= 0 || recordCap <= 0) {
            throw new IllegalArgumentException("maxFrameLength and recordCap must be positive");
        }
    }

    /** Spectrum's defaults, writing into {@code workDir}. */
    public static MainOptions defaults(Path workDir) {
        return new MainOptions(SPECTRUM_PING_INTERVAL, false, "", workDir, 64 * 1024 * 1024, 100_000);
    }

    public MainOptions withPingInterval(Duration interval) {
        return new MainOptions(interval, exitIdleBackend, extraConfig, workDir, maxFrameLength, recordCap);
    }

    public MainOptions withExitIdleBackend(boolean exit) {
        return new MainOptions(pingInterval, exit, extraConfig, workDir, maxFrameLength, recordCap);
    }

    public MainOptions withExtraConfig(String text) {
        return new MainOptions(pingInterval, exitIdleBackend, text, workDir, maxFrameLength, recordCap);
    }

    public MainOptions withWorkDir(Path dir) {
        return new MainOptions(pingInterval, exitIdleBackend, extraConfig, dir, maxFrameLength, recordCap);
    }

    public MainOptions withRecordCap(int cap) {
        return new MainOptions(pingInterval, exitIdleBackend, extraConfig, workDir, maxFrameLength, cap);
    }
}

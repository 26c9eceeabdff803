package org.spectrumcomet.peers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The Spectrum 2 test bundle named by the environment variable {@value #ENV}: its {@code start}
 * and {@code stop} scripts. The suites are opt-in, so a missing bundle skips them with the reason
 * ({@link #unavailableReason()}), never fails them.
 */
public record SpectrumHome(Path dir) {

    public static final String ENV = "SPECTRUM2_HOME";

    /** Why the bundle cannot be used, or empty when it can. */
    public static Optional<String> unavailableReason() {
        String value = System.getenv(ENV);
        if (value == null || value.isBlank()) {
            return Optional.of(ENV + " is not set: the Spectrum 2 integration suites need the real main instance"
                    + " (e.g. export " + ENV + "=/work/shared/peers/spectrum2)");
        }
        Path dir = Path.of(value).toAbsolutePath().normalize();
        if (!Files.isExecutable(dir.resolve("start")) || !Files.isExecutable(dir.resolve("stop"))) {
            return Optional.of(ENV + "=" + dir + " has no executable start/stop scripts");
        }
        return Optional.empty();
    }

    /** The bundle; call only when {@link #unavailableReason()} is empty. */
    static SpectrumHome fromEnvironment() {
        unavailableReason().ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
        return new SpectrumHome(Path.of(System.getenv(ENV)).toAbsolutePath().normalize());
    }

    Path start() {
        return dir.resolve("start");
    }

    Path stop() {
        return dir.resolve("stop");
    }
}

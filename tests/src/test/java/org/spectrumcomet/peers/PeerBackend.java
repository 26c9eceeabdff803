package org.spectrumcomet.peers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The backend a main instance spawns: its command line (first word an absolute path, because
 * spectrum2 {@code execv}s it) and extra transport-config text appended to {@code spectrum.cfg}
 * (e.g. a bridge's {@code [comet]} section; empty for none).
 */
public record PeerBackend(String command, String extraConfig) {

    public PeerBackend {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(extraConfig, "extraConfig");
        if (!command.startsWith("/")) {
            throw new IllegalArgumentException("backend command must start with an absolute path: " + command);
        }
    }

    /** The echo backend through the launcher {@code <repo>/bin/spectrum-comet echo-backend}. */
    public static PeerBackend echo() {
        return launcher("spectrum-comet", "echo-backend");
    }

    /** {@code <repo>/bin/NAME ARGS...} with no extra config; needs {@code mvn package} first. */
    public static PeerBackend launcher(String name, String... args) {
        Path exe = repoRoot().resolve("bin").resolve(name);
        if (!Files.isExecutable(exe)) {
            throw new IllegalStateException("backend launcher missing or not executable: " + exe);
        }
        return new PeerBackend(exe + (args.length == 0 ? "" : " " + String.join(" ", args)), "");
    }

    /** The same backend with {@code text} appended to the transport config. */
    public PeerBackend withExtraConfig(String text) {
        return new PeerBackend(command, text);
    }

    /**
     * The repository root: failsafe runs in the module directory ({@code tests/}), an IDE may run
     * in the root; both are recognised by {@code bin/spectrum-comet}.
     */
    public static Path repoRoot() {
        Path cwd = Path.of("").toAbsolutePath().normalize();
        for (Path candidate = cwd; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve("bin/spectrum-comet"))
                    && Files.isRegularFile(candidate.resolve("pom.xml"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no repository root (with bin/spectrum-comet) above " + cwd);
    }
}

package org.spectrumcomet.demo;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;

/**
 * Finds the bridge's launcher, {@code <repo>/bin/spectrum-comet-backend} — the executable an
 * operator puts in Spectrum's {@code backend=} — and checks that the bridge is built, so the demo
 * fails with the command to run instead of a backend that dies at start.
 *
 * <p>The repository root is the system property {@value #HOME_PROPERTY} when set, else found from
 * where this class was loaded: {@code <repo>/tests/target/spectrum-comet-tests.jar} (the launcher)
 * or {@code <repo>/tests/target/classes} (Maven, an IDE) — two levels above {@code target}.
 */
final class BridgeLauncher {

    static final String HOME_PROPERTY = "spectrum.comet.home";
    static final String BUILD = "mvn -B -ntp -DskipTests package";

    private BridgeLauncher() {
    }

    /** The launcher's absolute path in the repository that holds this class. */
    static Path locate() throws DemoFailure {
        return check(root());
    }

    /** The launcher under {@code root}, after checking that the bridge's jar and libraries are there. */
    static Path check(Path root) throws DemoFailure {
        Path launcher = root.resolve("bin").resolve("spectrum-comet-backend");
        if (!Files.isExecutable(launcher)) {
            throw new DemoFailure("the bridge launcher " + launcher + " is missing or not executable (is "
                    + root + " a spectrum-comet checkout? set -D" + HOME_PROPERTY + "=<repo>)");
        }
        Path jar = root.resolve("bridge/target/spectrum-comet-bridge.jar");
        Path lib = root.resolve("bridge/target/lib");
        if (!Files.isRegularFile(jar) || !Files.isDirectory(lib)) {
            throw new DemoFailure("the bridge is not built (" + (Files.isRegularFile(jar) ? lib : jar)
                    + " is missing) — run: " + BUILD);
        }
        return launcher.toAbsolutePath().normalize();
    }

    /** The repository root: the system property, else two levels above this class's {@code target}. */
    static Path root() throws DemoFailure {
        String home = System.getProperty(HOME_PROPERTY);
        if (home != null && !home.isBlank()) {
            return Path.of(home).toAbsolutePath().normalize();
        }
        return rootFromCode(codeLocation());
    }

    /** {@code .../tests/target/classes} or {@code .../tests/target/x.jar} → the directory above {@code tests}. */
    static Path rootFromCode(Path code) throws DemoFailure {
        for (Path p = code.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (p.getFileName() != null && p.getFileName().toString().equals("target") && p.getParent() != null
                    && p.getParent().getParent() != null) {
                return p.getParent().getParent();
            }
        }
        throw new DemoFailure("cannot tell the repository root from " + code + " — set -D" + HOME_PROPERTY + "=<repo>");
    }

    private static Path codeLocation() throws DemoFailure {
        CodeSource source = BridgeLauncher.class.getProtectionDomain().getCodeSource();
        try {
            if (source != null && source.getLocation() != null) {
                return Path.of(source.getLocation().toURI());
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new DemoFailure("cannot read where the demo was loaded from: " + e.getMessage(), e);
        }
        throw new DemoFailure("cannot tell where the demo was loaded from — set -D" + HOME_PROPERTY + "=<repo>");
    }
}

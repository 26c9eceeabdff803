package org.spectrumcomet.peers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bundle's {@code bin/spectrum2} in gateway (component) mode behind an XMPP server: the
 * bundle's {@code start} only writes server mode, so this writes {@code DIR/spectrum.cfg} itself
 * ({@link ComponentConfig}) and runs {@code spectrum2 -n DIR/spectrum.cfg} with the bundle's
 * {@code lib/} on {@code LD_LIBRARY_PATH}. Ready once spectrum.log says the component link to the
 * XMPP server is up (spectrum2 opens it only after its first backend answered PING). Stopped by
 * PID (SIGTERM, 15 s, SIGKILL), then every leftover naming the config (the {@code setsid}'ed
 * backends) is killed as {@link SpectrumServerFixture} does.
 */
final class SpectrumComponent implements AutoCloseable {

    /** The line spectrum.log gets when the component handshake with the XMPP server succeeded. */
    static final String LINKED = "Component: Connected to Frontend server.";

    /** What the bridge prints (to spectrum2.out) when it gave up reaching spectrum2's backend port. */
    static final String BACKEND_GAVE_UP = "cannot connect to the Spectrum main instance";

    private static final Logger LOG = LoggerFactory.getLogger(SpectrumComponent.class);
    private static final long READY_MS = 60_000;
    private static final int ATTEMPTS = 2;

    private final Path dir;
    private final Process process;

    private SpectrumComponent(Path dir, Process process) {
        this.dir = dir;
        this.process = process;
    }

    /**
     * Writes the config for {@code jid} on the component port of the XMPP server and starts
     * spectrum2 with {@code backend}; returns once the component is linked.
     */
    static SpectrumComponent start(SpectrumHome home, Path dir, String jid, int componentPort, String secret,
                                   PeerBackend backend, int usersPerBackend) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnce(home, dir, jid, componentPort, secret, backend, usersPerBackend);
            } catch (BackendGaveUp e) {
                // Seen once under a load average of 25: the first backend found no listener on
                // spectrum2's backend port, and spectrum2 does not spawn another.
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                LOG.warn("the first backend could not reach spectrum2 in {}; starting spectrum2 again", dir);
            }
        }
    }

    private static SpectrumComponent startOnce(SpectrumHome home, Path dir, String jid, int componentPort, String secret,
                                               PeerBackend backend, int usersPerBackend)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        // A failed attempt's logs are kept aside, and the readiness checks see only this attempt's.
        for (String log : new String[] {"spectrum.log", "spectrum2.out"}) {
            if (Files.exists(dir.resolve(log))) {
                Files.move(dir.resolve(log), dir.resolve(log + ".failed"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path config = dir.resolve("spectrum.cfg");
        Files.writeString(dir.resolve("logging.cfg"), ComponentConfig.logging(dir));
        Files.writeString(dir.resolve("backend-logging.cfg"), ComponentConfig.backendLogging(dir));
        Files.writeString(config, ComponentConfig.transport(dir, jid, componentPort, BackendPort.pick(), secret, backend, usersPerBackend));
        ProcessBuilder builder = new ProcessBuilder(home.dir().resolve("bin/spectrum2").toString(), "-n", config.toString())
                .directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("spectrum2.out").toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Map<String, String> env = builder.environment();
        String inherited = env.get("LD_LIBRARY_PATH");
        env.put("LD_LIBRARY_PATH", home.dir().resolve("lib") + (inherited == null || inherited.isEmpty() ? "" : ":" + inherited));
        SpectrumComponent spectrum = new SpectrumComponent(dir, builder.start());
        try {
            spectrum.awaitLinked();
        } catch (RuntimeException e) {
            spectrum.close();
            throw e;
        }
        LOG.info("spectrum2 {} linked as component {} on port {} with backend '{}' in {}",
                spectrum.process.pid(), jid, componentPort, backend.command(), dir);
        return spectrum;
    }

    private void awaitLinked() throws InterruptedException {
        long deadline = System.currentTimeMillis() + READY_MS;
        while (!log().contains(LINKED)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("spectrum2 exited during startup (" + process.exitValue() + ")"
                        + LogTails.of(dir));
            }
            if (output().contains(BACKEND_GAVE_UP)) {
                throw new BackendGaveUp("the bridge could not reach spectrum2's backend port" + LogTails.of(dir));
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("spectrum2 did not link to the XMPP server within " + READY_MS + " ms"
                        + LogTails.of(dir));
            }
            Thread.sleep(50);
        }
    }

    private String log() {
        return read("spectrum.log");
    }

    private String output() {
        return read("spectrum2.out");
    }

    /** A log file so far (lenient decoding: spectrum.log holds raw XML of any client). */
    private String read(String name) {
        try {
            Path log = dir.resolve(name);
            return Files.exists(log) ? new String(Files.readAllBytes(log), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    Path dir() {
        return dir;
    }

    /** Startup failed because the first backend gave up connecting: worth one more try. */
    private static final class BackendGaveUp extends IllegalStateException {
        BackendGaveUp(String message) {
            super(message);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                LOG.warn("spectrum2 {} ignored SIGTERM, sending SIGKILL", process.pid());
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
        LeftoverProcesses.killAllNaming(dir.resolve("spectrum.cfg").toString());
    }
}

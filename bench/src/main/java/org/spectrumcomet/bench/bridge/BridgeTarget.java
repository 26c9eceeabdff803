package org.spectrumcomet.bench.bridge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.spectrumcomet.bench.link.LinkTarget;
import org.spectrumcomet.bridge.SpectrumCometBackend;
import org.spectrumcomet.conformance.comet.CometTarget;

/**
 * The bridge as the link benchmark's {@link LinkTarget}: {@code bin/spectrum-comet-backend} when
 * built (else the same main class from this class path), its {@code [comet]} section pointing
 * straight at the comet server under test (no gate). Timeouts are long enough for a 10,000-user
 * LOGIN burst on a loaded 2-core machine; everything else keeps the bridge's defaults.
 * {@code $BENCH_BACKEND_JAVA_OPTS} reaches its JVM (e.g. a JFR recording).
 */
final class BridgeTarget {

    private BridgeTarget() {
    }

    /** @param poolSize {@code [comet] pool_size}, 0 to keep the bridge's default */
    static LinkTarget of(Path root, CometTarget comet, int poolSize) {
        String section = "[comet]\n"
                + "cometql = " + comet.host() + ":" + comet.cometqlPort() + "\n"
                + "websocket = ws://" + comet.host() + ":" + comet.wsPort() + "\n"
                + "dev_id = " + comet.tenantId() + "\n"
                + "dev_key = " + comet.tenantKey() + "\n"
                + "login_timeout = 60s\n"
                + "query_timeout = 10s\n"
                + "presence_poll = 0\n"
                // the benchmark logs thousands of users in as fast as the bridge takes them
                + "login_rate = 0\n"
                + (poolSize > 0 ? "pool_size = " + poolSize + "\n" : "");
        Path launcher = root.resolve("bin").resolve("spectrum-comet-backend");
        if (Files.isExecutable(launcher) && Files.isRegularFile(root.resolve("bridge/target/spectrum-comet-bridge.jar"))) {
            String opts = System.getenv(LinkTarget.BACKEND_JAVA_OPTS);
            // the launcher reads JAVA_OPTS
            Map<String, String> env = opts == null ? Map.of() : Map.of("JAVA_OPTS", opts);
            return new LinkTarget("bridge (bin/spectrum-comet-backend)", launcher.toString(), env, true, false, section);
        }
        return new LinkTarget("bridge (class path)", LinkTarget.javaCommand(SpectrumCometBackend.class.getName(), List.of()),
                Map.of(), true, false, section);
    }
}

package org.spectrumcomet.peers.bridge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/**
 * What the real Spectrum 2 did with its backends, read from outside: its log4cxx log
 * ({@code DIR/spectrum.log}) and the process table. The log lines are the ones libtransport 2.2.1
 * writes ({@code NetworkPluginServer}): one {@link #PING} line per PING sent (a 20 s timer), and
 * {@link #PING_TIMEOUT} when a backend did not answer the previous one, after which Spectrum
 * closes it (and SIGABRTs its STATS pid) and {@link #BACKEND_STARTED} spawns a new one.
 */
final class SpectrumWatch {

    static final String PING = "NetworkPluginServer: PING to ";
    static final String PING_TIMEOUT = "PING response not received";
    static final String BACKEND_STARTED = "NetworkPluginServer: Starting new backend ";
    static final String BACKEND_GONE = "disconnected. Current backend count=";

    /** Spectrum's one ping timer: armed when it starts its first backend, re-armed after each run. */
    static final Duration PING_PERIOD = Duration.ofSeconds(20);

    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");
    private static final String BRIDGE_MAIN = "org.spectrumcomet.bridge.SpectrumCometBackend";

    private final Path dir;

    SpectrumWatch(Path dir) {
        this.dir = dir;
    }

    /** How many spectrum.log lines contain {@code fragment} so far. */
    long count(String fragment) {
        return lines().stream().filter(l -> l.contains(fragment)).count();
    }

    /** The spectrum.log lines containing {@code fragment}. */
    List<String> lines(String fragment) {
        return lines().stream().filter(l -> l.contains(fragment)).toList();
    }

    private List<String> lines() {
        try {
            // Lenient decoding: the log holds raw XML of every client.
            return new String(Files.readAllBytes(dir.resolve("spectrum.log")), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * The first ping-timer tick at least {@code lead} from now: the timer was armed when the first
     * backend was started (its log line's time, local time as log4cxx writes it), period 20 s.
     */
    Instant nextPingTick(Duration lead) {
        String first = lines(BACKEND_STARTED).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("spectrum.log has no '" + BACKEND_STARTED + "' line"));
        Instant tick = LocalDateTime.parse(first.substring(0, 23), LOG_TIME).atZone(ZoneId.systemDefault()).toInstant();
        Instant earliest = Instant.now().plus(lead);
        while (tick.isBefore(earliest)) {
            tick = tick.plus(PING_PERIOD);
        }
        return tick;
    }

    /** PIDs of the bridge processes this instance spawned (they carry {@code DIR/spectrum.cfg} as an argument). */
    List<Long> bridgePids() {
        String config = dir.resolve("spectrum.cfg").toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(a -> Arrays.asList(a).contains(config)
                        && Arrays.asList(a).contains(BRIDGE_MAIN)).orElse(false))
                .map(ProcessHandle::pid).sorted().toList();
    }
}

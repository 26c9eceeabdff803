package org.spectrumcomet.backend;

import io.netty.util.internal.PlatformDependent;
import java.time.Duration;

/**
 * The bounds a backend process runs with; every one has a documented consequence when hit.
 *
 * @param pingTimeout exit when no PING arrived for this long (default 60 s; the main pings every 20 s)
 * @param connectAttempts connection attempts to the main before giving up with exit code 1 (default 20)
 * @param connectRetryDelay pause between attempts (default 500 ms, so ~10 s in all: a loaded machine was seen to open Spectrum's backend port later than 2.5 s)
 * @param workerThreads threads of the shared handler executor (default 16); a handler that blocks holds one
 * @param userBacklog frames waiting per user (default 1000); beyond it new frames for that user are
 *                    dropped with an error log (see {@link org.spectrumcomet.backend.dispatch.UserQueue})
 * @param slowHandlerWarning log a warning naming the user when one handler call runs longer (default 10 s)
 * @param maxPendingOutboundBytes bytes queued for the main but not yet taken (default 32 MiB, or a quarter
 *                                of the JVM's heap or direct memory when that is smaller: queued frames are
 *                                heap arrays, the ones in Netty's buffer direct, and under {@code -Xmx64m}
 *                                32 MiB of them plus Netty's pool chunks ended in an OutOfMemoryError);
 *                                beyond it frames are dropped (see
 *                                {@link org.spectrumcomet.backend.link.OutboundGate})
 * @param maxInboundFrame largest frame accepted from the main (default 16 MiB); a larger one closes the link
 */
public record RuntimeLimits(
        Duration pingTimeout,
        int connectAttempts,
        Duration connectRetryDelay,
        int workerThreads,
        int userBacklog,
        Duration slowHandlerWarning,
        long maxPendingOutboundBytes,
        int maxInboundFrame) {

    public static RuntimeLimits defaults() {
        return new RuntimeLimits(Duration.ofSeconds(60), 20, Duration.ofMillis(500), 16, 1000,
                Duration.ofSeconds(10), defaultOutboundCap(Math.min(PlatformDependent.maxDirectMemory(), Runtime.getRuntime().maxMemory())), 16 * 1024 * 1024);
    }

    /** 32 MiB, or a quarter of {@code maxDirectMemory} when that is smaller (never under 1 MiB). */
    static long defaultOutboundCap(long maxDirectMemory) {
        long quarter = maxDirectMemory > 0 ? maxDirectMemory / 4 : Long.MAX_VALUE;
        return Math.max(1024 * 1024, Math.min(32L * 1024 * 1024, quarter));
    }

    public RuntimeLimits withPingTimeout(Duration timeout) {
        return new RuntimeLimits(timeout, connectAttempts, connectRetryDelay, workerThreads, userBacklog,
                slowHandlerWarning, maxPendingOutboundBytes, maxInboundFrame);
    }

    public RuntimeLimits withSlowHandlerWarning(Duration warning) {
        return new RuntimeLimits(pingTimeout, connectAttempts, connectRetryDelay, workerThreads, userBacklog,
                warning, maxPendingOutboundBytes, maxInboundFrame);
    }

    public RuntimeLimits withUserBacklog(int backlog) {
        return new RuntimeLimits(pingTimeout, connectAttempts, connectRetryDelay, workerThreads, backlog,
                slowHandlerWarning, maxPendingOutboundBytes, maxInboundFrame);
    }
}

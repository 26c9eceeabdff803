package org.spectrumcomet.backend;

import io.netty.channel.EventLoopGroup;
import org.spectrumcomet.backend.cli.LaunchArguments;
import org.spectrumcomet.backend.config.TransportConfig;
import org.spectrumcomet.backend.metrics.BackendMetrics;
import org.spectrumcomet.backend.outbound.MainInstance;

/**
 * What a backend's handler factory gets: the parsed command line, the transport config and the
 * outbound API, plus the
 * process's one Netty event loop group, which a backend should reuse for its own sockets (never
 * block it). The main instance is not connected yet while the factory runs (frames sent then
 * are dropped with a warning); do heavy initialisation there, before the first PING.
 * {@code metrics} is where a backend registers its own meters and {@code /health} checks (no-ops
 * without a {@code [metrics]} section).
 */
public record BackendContext(LaunchArguments arguments, TransportConfig config, MainInstance mainInstance,
                             EventLoopGroup eventLoops, BackendMetrics metrics) {

    /** A context without metrics (meters count nothing, no health checks are served). */
    public BackendContext(LaunchArguments arguments, TransportConfig config, MainInstance mainInstance,
                          EventLoopGroup eventLoops) {
        this(arguments, config, mainInstance, eventLoops, BackendMetrics.disabled());
    }

    /** The 1-based backend slot from {@code --service.backend_id}, 0 when not given. */
    public int backendId() {
        return arguments.backendId();
    }
}

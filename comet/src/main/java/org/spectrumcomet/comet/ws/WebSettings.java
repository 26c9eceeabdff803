package org.spectrumcomet.comet.ws;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * How the WebSocket + HTTP listener runs.
 *
 * @param ws where the WebSocket endpoints (and, unless {@code http} is set, the HTTP API) listen;
 *           default 127.0.0.1:8087
 * @param http a separate address for the HTTP JSON API, or null to share {@code ws}
 * @param maxConnections connections beyond this are refused (HTTP 503) and closed
 * @param maxFrameBytes a WebSocket frame above this closes the connection with code 1009
 * @param idleTimeout an HTTP connection silent this long is closed (WebSockets stay open: the
 *                    CppComet protocol has no heartbeat)
 */
public record WebSettings(InetSocketAddress ws, InetSocketAddress http, int maxConnections,
                          int maxFrameBytes, Duration idleTimeout) {

    public static final int DEFAULT_PORT = 8087;
    public static final int DEFAULT_MAX_CONNECTIONS = 100_000;
    public static final int DEFAULT_MAX_FRAME_BYTES = 65_535;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);

    public static WebSettings defaults(InetSocketAddress ws) {
        return new WebSettings(ws, null, DEFAULT_MAX_CONNECTIONS, DEFAULT_MAX_FRAME_BYTES, DEFAULT_IDLE_TIMEOUT);
    }
}

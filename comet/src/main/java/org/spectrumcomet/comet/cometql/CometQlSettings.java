package org.spectrumcomet.comet.cometql;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * How the CometQL (MySQL wire protocol) listener runs.
 *
 * @param bind where to listen (default 127.0.0.1:3307)
 * @param maxConnections connections beyond this are refused with an ERR packet and closed
 * @param idleTimeout a connection silent this long is closed
 * @param maxPacketBytes a client packet announcing more than this is refused with an ERR and the
 *                       connection closed, without buffering it
 */
public record CometQlSettings(InetSocketAddress bind, int maxConnections, Duration idleTimeout,
                              int maxPacketBytes) {

    public static final int DEFAULT_PORT = 3307;
    public static final int DEFAULT_MAX_CONNECTIONS = 1024;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofHours(8);
    public static final int DEFAULT_MAX_PACKET_BYTES = 1 << 20;

    public static CometQlSettings defaults(InetSocketAddress bind) {
        return new CometQlSettings(bind, DEFAULT_MAX_CONNECTIONS, DEFAULT_IDLE_TIMEOUT, DEFAULT_MAX_PACKET_BYTES);
    }
}

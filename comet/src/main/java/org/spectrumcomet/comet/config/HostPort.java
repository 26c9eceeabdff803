package org.spectrumcomet.comet.config;

import java.net.InetSocketAddress;

/**
 * A listening address as written by the operator: {@code HOST:PORT}, {@code [IPv6]:PORT}.
 * Port 0 asks the OS for a free port (tests).
 */
public record HostPort(String host, int port) {

    public HostPort {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host is empty");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " is not 0..65535");
        }
    }

    /** @throws IllegalArgumentException with a one-line reason */
    public static HostPort parse(String text) {
        String t = text.strip();
        int colon = t.lastIndexOf(':');
        if (colon <= 0 || colon == t.length() - 1) {
            throw new IllegalArgumentException("'" + text + "' is not HOST:PORT");
        }
        String host = t.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new IllegalArgumentException("'" + text + "': write IPv6 addresses as [ADDR]:PORT");
        }
        return new HostPort(host, parsePort(t.substring(colon + 1), text));
    }

    static int parsePort(String digits, String context) {
        if (!digits.matches("[0-9]{1,5}")) {
            throw new IllegalArgumentException("'" + context + "': port must be a number 0..65535");
        }
        return new HostPort("x", Integer.parseInt(digits)).port();
    }

    /** Resolves the host now; an unknown host yields an unresolved address (binding then fails). */
    public InetSocketAddress toAddress() {
        return new InetSocketAddress(host, port);
    }

    @Override
    public String toString() {
        return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    }
}

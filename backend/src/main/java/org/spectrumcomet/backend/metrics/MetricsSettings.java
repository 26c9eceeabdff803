package org.spectrumcomet.backend.metrics;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.spectrumcomet.backend.config.ConfigException;
import org.spectrumcomet.backend.config.ConfigSection;
import org.spectrumcomet.backend.config.TransportConfig;

/**
 * The {@code [metrics]} section of the transport config:
 * <pre>
 *   [metrics]
 *   listen = 127.0.0.1:9102     # HOST:PORT of the /metrics + /health listener ([::1]:9102 for IPv6)
 *   port_per_backend = false    # optional; true: backend N listens on PORT + N - 1 (N = --service.backend_id)
 *   enabled = true              # optional; false keeps the section but starts no listener
 * </pre>
 * Spectrum starts several backend processes from one config once {@code users_per_backend} is
 * reached; without {@code port_per_backend} the second one could not bind and would exit.
 * No section (or {@code enabled = false}) means no listener. A section without {@code listen},
 * an unknown key or a bad value is a {@link ConfigException} naming file, line and key (exit code 2).
 *
 * @param enabled whether a listener is started
 * @param host    the address to bind (an IP literal or a host name)
 * @param port    the port to bind, 1..65535 (with {@code port_per_backend}, already offset for this backend)
 */
public record MetricsSettings(boolean enabled, String host, int port) {

    /** The section name in the transport config. */
    public static final String SECTION = "metrics";

    private static final Set<String> KEYS = Set.of("enabled", "listen", "port_per_backend");
    private static final Pattern LISTEN = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[^\\s:\\[\\]]+):([0-9]{1,5})");

    /** No listener. */
    public static MetricsSettings disabled() {
        return new MetricsSettings(false, "", 0);
    }

    /** Reads {@code [metrics]} for backend 0 (no offset); see {@link #from(TransportConfig, int)}. */
    public static MetricsSettings from(TransportConfig config) {
        return from(config, 0);
    }

    /**
     * Reads {@code [metrics]} for the backend with {@code backendId} (1-based, 0 when unknown);
     * throws {@link ConfigException} naming the first bad key.
     */
    public static MetricsSettings from(TransportConfig config, int backendId) {
        ConfigSection s = config.section(SECTION);
        for (String key : s.keys()) {
            if (!KEYS.contains(key)) {
                throw s.invalid(key, "unknown key (known: " + String.join(", ", new TreeSet<>(KEYS)) + ")");
            }
        }
        if (s.keys().isEmpty() || !s.getBoolean("enabled", true)) {
            return disabled();
        }
        String listen = s.findString("listen")
                .orElseThrow(() -> s.invalid("listen", "missing: HOST:PORT of the metrics listener, e.g. 127.0.0.1:9102"))
                .trim();
        Matcher m = LISTEN.matcher(listen);
        if (!m.matches()) {
            throw s.invalid("listen", "expected HOST:PORT (e.g. 127.0.0.1:9102 or [::1]:9102), got \"" + listen + "\"");
        }
        int port = Integer.parseInt(m.group(2));
        if (port < 1 || port > 65535) {
            throw s.invalid("listen", "port must be 1..65535, got " + port);
        }
        if (s.getBoolean("port_per_backend", false) && backendId > 1) {
            port += backendId - 1;
            if (port > 65535) {
                throw s.invalid("listen", "port " + m.group(2) + " + backend id " + backendId + " - 1 is over 65535");
            }
        }
        String host = m.group(1);
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        }
        return new MetricsSettings(true, host, port);
    }

    /** {@code host:port} as written in logs. */
    public String address() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}

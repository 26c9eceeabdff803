package org.spectrumcomet.bridge.comet;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where and how the comet client reaches one comet server (CppComet or ours: the same settings
 * work for both).
 *
 * <p><b>Operators do not write these names.</b> The transport config's {@code [comet]} section is
 * read only by {@link org.spectrumcomet.bridge.config.CometSettings}, whose keys are documented
 * with their defaults in {@code examples/spectrum.cfg} (there a bare number is <em>seconds</em>).
 * {@code CometSettings} checks them and hands this record a map in the client's own vocabulary
 * through {@link #fromConfig(Map)}; tests build that map directly. The map's keys, and the
 * {@code [comet]} key each one comes from:
 *
 * <table>
 * <caption>{@link #fromConfig} keys (durations: {@code 500ms}, {@code 5s}, {@code 2m}; a bare number is milliseconds)</caption>
 * <tr><th>map key</th><th>from {@code [comet]}</th><th>default here</th><th>meaning</th></tr>
 * <tr><td>cometql</td><td>cometql</td><td>127.0.0.1:3307</td><td>CometQL (MySQL protocol) host:port</td></tr>
 * <tr><td>ws</td><td>websocket ({@code ws://HOST:PORT})</td><td>127.0.0.1:8087</td><td>WebSocket host:port</td></tr>
 * <tr><td>ws_path</td><td>websocket (its path)</td><td>/ws/</td><td>URL prefix; {@code /comet-server/ws/} behind a reverse proxy</td></tr>
 * <tr><td>dev_id</td><td>dev_id</td><td>0</td><td>tenant number (WebSocket {@code devid}, CometQL login)</td></tr>
 * <tr><td>user</td><td>cometql_user</td><td>root (dev_id 0) / the dev_id</td><td>CometQL login name</td></tr>
 * <tr><td>key</td><td>dev_key (required there)</td><td>CometQLPassword</td><td>tenant key = CometQL password</td></tr>
 * <tr><td>connect_timeout</td><td>connect_timeout</td><td>5s</td><td>TCP connect + handshake/login, both links</td></tr>
 * <tr><td>query_timeout</td><td>query_timeout</td><td>10s</td><td>socket read timeout of a CometQL statement</td></tr>
 * <tr><td>login_timeout</td><td>login_timeout</td><td>10s</td><td>WebSocket: wait for the first serverInfo frame</td></tr>
 * <tr><td>pool_size</td><td>pool_size</td><td>32</td><td>CometQL connections (and executor threads), 1..64: each runs one statement at a time, so this is the most statements in flight (a store with group commit needs many to batch)</td></tr>
 * <tr><td>pool_wait</td><td>pool_wait</td><td>5s</td><td>longest wait for a free CometQL connection</td></tr>
 * <tr><td>queue</td><td>cometql_queue</td><td>1000</td><td>CometQL statements waiting for a thread; more are refused</td></tr>
 * <tr><td>reconnect_min</td><td>reconnect_min</td><td>500ms</td><td>first WebSocket reconnect delay (doubles, with jitter)</td></tr>
 * <tr><td>reconnect_max</td><td>reconnect_max</td><td>30s</td><td>reconnect delay cap</td></tr>
 * <tr><td>ws_max_frame</td><td>ws_max_frame</td><td>1048576</td><td>largest inbound WebSocket frame in bytes</td></tr>
 * <tr><td>ws_max_pending</td><td>ws_max_pending</td><td>1000</td><td>inbound events waiting for the listener before reading pauses</td></tr>
 * </table>
 */
public record CometEndpoint(String cometqlHost, int cometqlPort, String wsHost, int wsPort, String wsPath,
                            int devId, String user, String key, Duration connectTimeout, Duration queryTimeout,
                            Duration loginTimeout, int poolSize, Duration poolWait, int queue,
                            Duration reconnectMin, Duration reconnectMax, int wsMaxFrame, int wsMaxPending) {

    public static final String DEFAULT_KEY = "CometQLPassword";
    private static final Set<String> KEYS = Set.of("cometql", "ws", "ws_path", "dev_id", "user", "key",
            "connect_timeout", "query_timeout", "login_timeout", "pool_size", "pool_wait", "queue",
            "reconnect_min", "reconnect_max", "ws_max_frame", "ws_max_pending");
    private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9.-]+):([0-9]{1,5})");
    private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})(ms|s|m)?");

    public CometEndpoint {
        Objects.requireNonNull(cometqlHost, "cometqlHost");
        Objects.requireNonNull(wsHost, "wsHost");
        Objects.requireNonNull(key, "key");
        if (!wsPath.matches("/[A-Za-z0-9_/-]*/")) {
            throw new CometConfigException("ws_path must start and end with '/': " + wsPath);
        }
        if (devId < 0) {
            throw new CometConfigException("dev_id must be >= 0: " + devId);
        }
    }

    /** CppComet's and our server's defaults on loopback: tenant 0, demo key. */
    public static CometEndpoint loopback(int cometqlPort, int wsPort) {
        return fromConfig(Map.of("cometql", "127.0.0.1:" + cometqlPort, "ws", "127.0.0.1:" + wsPort));
    }

    /**
     * Reads the client's settings map (the keys in the class comment, not the {@code [comet]}
     * names — {@code CometSettings} translates); unknown keys and bad values fail with the key named.
     */
    public static CometEndpoint fromConfig(Map<String, String> section) {
        for (String k : section.keySet()) {
            if (!KEYS.contains(k)) {
                throw new CometConfigException("unknown key [comet] " + k + " (known: " + String.join(", ",
                        KEYS.stream().sorted().toList()) + ")");
            }
        }
        Matcher cometql = hostPort(section, "cometql", "127.0.0.1:3307");
        Matcher ws = hostPort(section, "ws", "127.0.0.1:8087");
        int devId = integer(section, "dev_id", 0, 0, Integer.MAX_VALUE);
        return new CometEndpoint(host(cometql), Integer.parseInt(cometql.group(2)), host(ws),
                Integer.parseInt(ws.group(2)), section.getOrDefault("ws_path", "/ws/"), devId,
                section.getOrDefault("user", devId == 0 ? "root" : Integer.toString(devId)),
                section.getOrDefault("key", DEFAULT_KEY),
                duration(section, "connect_timeout", "5s"), duration(section, "query_timeout", "10s"),
                duration(section, "login_timeout", "10s"), integer(section, "pool_size", 32, 1, 64),
                duration(section, "pool_wait", "5s"), integer(section, "queue", 1000, 1, 1_000_000),
                duration(section, "reconnect_min", "500ms"), duration(section, "reconnect_max", "30s"),
                integer(section, "ws_max_frame", 1 << 20, 1024, 64 << 20),
                integer(section, "ws_max_pending", 1000, 1, 1_000_000));
    }

    private static Matcher hostPort(Map<String, String> s, String key, String dflt) {
        String value = s.getOrDefault(key, dflt).trim();
        Matcher m = HOST_PORT.matcher(value);
        if (!m.matches() || Integer.parseInt(m.group(2)) < 1 || Integer.parseInt(m.group(2)) > 65535) {
            throw new CometConfigException("[comet] " + key + " must be host:port (port 1..65535): " + value);
        }
        return m;
    }

    private static String host(Matcher m) {
        String h = m.group(1);
        return h.startsWith("[") ? h.substring(1, h.length() - 1) : h;
    }

    private static int integer(Map<String, String> s, String key, int dflt, int min, int max) {
        String value = s.get(key);
        if (value == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CometConfigException("[comet] " + key + " must be an integer " + min + ".." + max + ": " + value);
    }

    private static Duration duration(Map<String, String> s, String key, String dflt) {
        String value = s.getOrDefault(key, dflt).trim();
        Matcher m = DURATION.matcher(value);
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new CometConfigException("[comet] " + key + " must be a positive duration like 500ms, 5s, 2m: "
                    + value);
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "ms" : m.group(2);
        return switch (unit) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofMillis(n);
        };
    }

    @Override
    public String toString() {
        return "comet[cometql=" + cometqlHost + ":" + cometqlPort + " ws=" + wsHost + ":" + wsPort + wsPath
                + " dev_id=" + devId + " user=" + user + "]";
    }
}

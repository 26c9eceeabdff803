package org.spectrumcomet.bridge.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.spectrumcomet.backend.config.ConfigException;
import org.spectrumcomet.backend.config.ConfigSection;
import org.spectrumcomet.backend.config.TransportConfig;
import org.spectrumcomet.bridge.comet.CometConfigException;
import org.spectrumcomet.bridge.comet.CometEndpoint;

/**
 * The {@code [comet]} section of the Spectrum transport config: where the comet network is
 * ({@link #endpoint}, for the comet client) and the bridge's own bounds. Every key with its default
 * is documented in {@code examples/spectrum.cfg}. Durations are a whole number with {@code ms},
 * {@code s}, {@code m} or {@code h}; a bare number is seconds. Any bad value or unknown key is a
 * {@link ConfigException} naming file, line and key (the backend then exits with code 2).
 *
 * @param endpoint         the first comet node ({@link #nodes} holds them all), in the comet client's view:
 *                         {@code cometql}, {@code websocket}, {@code dev_id},
 *                         {@code dev_key}, {@code cometql_user}, {@code pool_size}, {@code pool_wait},
 *                         {@code cometql_queue}, {@code connect_timeout}, {@code query_timeout},
 *                         {@code login_timeout}, {@code reconnect_min}, {@code reconnect_max},
 *                         {@code ws_max_frame}, {@code ws_max_pending}
 * @param websocket        the {@code websocket} URL(s) as written, for messages
 * @param loginTimeout     {@code login_timeout}: no answer from comet by then ⇒ NETWORK_ERROR (default 10 s)
 * @param queryTimeout     {@code query_timeout} per CometQL statement (default 10 s)
 * @param gracePeriod      {@code grace_period}: how long a user stays logged in while the socket is down
 *                         (default 60 s; 0 = disconnect at once)
 * @param publicRooms      {@code public_rooms}: comma-separated pipes offered as ROOM_LIST (default none)
 * @param maxSubscriptions {@code max_subscriptions}: pipes per socket (default 32, CppComet's limit):
 *                         rooms first, then buddies' status pipes; other buddies are only polled
 * @param historyLimit     {@code history_limit}: history messages sent on JOIN (default 50, 0..99)
 * @param presencePoll     {@code presence_poll}: users_time poll of buddies (default 60 s; 0 = off)
 * @param maxBodyBytes     {@code max_body_bytes}: largest encoded body (default 8000; statements must stay under 9000)
 * @param roomMemory       {@code room_memory}: message keys remembered per room against duplicates (default 500)
 * @param maxPendingSends  {@code max_pending_sends}: comet sends waiting per user (default 200); more are refused
 * @param loginRate        {@code login_rate}: LOGINs started per second by this backend process, bursts
 *                         of twice that (default 500; 0 = unlimited); more are refused with NETWORK_ERROR
 * @param nodes            every comet node of the network, in the order written: {@code cometql} and
 *                         {@code websocket} may each list several endpoints (comma-separated) that pair up
 *                         by position ({@link CometNodeList}); one endpoint = one node, as before
 */
public record CometSettings(CometEndpoint endpoint, String websocket, Duration loginTimeout, Duration queryTimeout,
                            Duration gracePeriod, List<String> publicRooms, int maxSubscriptions, int historyLimit,
                            Duration presencePoll, int maxBodyBytes, int roomMemory, int maxPendingSends,
                            int loginRate, List<CometEndpoint> nodes) {

    /** The section name in the transport config. */
    public static final String SECTION = "comet";

    private static final Set<String> KEYS = Set.of("cometql", "websocket", "dev_id", "dev_key", "cometql_user",
            "pool_size", "pool_wait", "cometql_queue", "connect_timeout", "query_timeout", "login_timeout",
            "reconnect_min", "reconnect_max", "ws_max_frame", "ws_max_pending", "grace_period", "public_rooms",
            "max_subscriptions", "history_limit", "presence_poll", "max_body_bytes", "room_memory",
            "max_pending_sends", "login_rate");
    private static final Pattern WS_URL = Pattern.compile("ws://([^/:\\s]+|\\[[0-9A-Fa-f:.]+]):([0-9]{1,5})(/.*)?");
    private static final Pattern PIPE = Pattern.compile("[A-Za-z0-9_-]{3,64}");

    public CometSettings {
        publicRooms = List.copyOf(publicRooms);
        nodes = List.copyOf(nodes);
    }

    /** Reads {@code [comet]}; throws {@link ConfigException} naming the first bad key. */
    public static CometSettings from(TransportConfig config) {
        ConfigSection s = config.section(SECTION);
        for (String key : s.keys()) {
            if (!KEYS.contains(key)) {
                throw s.invalid(key, "unknown key (known: " + String.join(", ", new TreeSet<>(KEYS)) + ")");
            }
        }
        Duration loginTimeout = duration(s, "login_timeout", "10s", false);
        Duration queryTimeout = duration(s, "query_timeout", "10s", false);
        String websocket = s.getString("websocket", "ws://127.0.0.1:8087").trim();
        List<CometEndpoint> nodes = new ArrayList<>();
        for (CometNodeList.Pair pair : CometNodeList.pairs(s, s.getString("cometql", "127.0.0.1:3307"), websocket)) {
            nodes.add(endpoint(s, pair.cometql(), pair.websocket(), loginTimeout, queryTimeout));
        }
        return new CometSettings(nodes.get(0), websocket, loginTimeout,
                queryTimeout, duration(s, "grace_period", "60s", true), publicRooms(s),
                range(s, "max_subscriptions", 32, 1, 32), range(s, "history_limit", 50, 0, 99),
                duration(s, "presence_poll", "60s", true), range(s, "max_body_bytes", 8000, 256, 8800),
                range(s, "room_memory", 500, 10, 100_000), range(s, "max_pending_sends", 200, 1, 100_000),
                range(s, "login_rate", 500, 0, 100_000), nodes);
    }

    /** The comet client's settings, in its own key names (durations passed in milliseconds). */
    private static CometEndpoint endpoint(ConfigSection s, String cometql, String websocket, Duration login,
                                          Duration query) {
        Matcher ws = WS_URL.matcher(websocket);
        if (!ws.matches()) {
            throw s.invalid("websocket", "expected ws://HOST:PORT or ws://HOST:PORT/path/ (wss is not supported), got \""
                    + websocket + "\"");
        }
        Map<String, String> e = new HashMap<>();
        e.put("cometql", cometql);
        e.put("ws", ws.group(1) + ":" + ws.group(2));
        e.put("ws_path", ws.group(3) == null || ws.group(3).equals("/") ? "/ws/" : ws.group(3));
        e.put("dev_id", Integer.toString(range(s, "dev_id", 0, 0, Integer.MAX_VALUE)));
        e.put("key", devKey(s));
        s.findString("cometql_user").ifPresent(u -> e.put("user", u.trim()));
        e.put("pool_size", Integer.toString(range(s, "pool_size", 32, 1, 64)));
        e.put("queue", Integer.toString(range(s, "cometql_queue", 1000, 1, 1_000_000)));
        e.put("ws_max_frame", Integer.toString(range(s, "ws_max_frame", 1 << 20, 1024, 64 << 20)));
        e.put("ws_max_pending", Integer.toString(range(s, "ws_max_pending", 1000, 1, 1_000_000)));
        e.put("login_timeout", login.toMillis() + "ms");
        e.put("query_timeout", query.toMillis() + "ms");
        e.put("connect_timeout", duration(s, "connect_timeout", "5s", false).toMillis() + "ms");
        e.put("pool_wait", duration(s, "pool_wait", "5s", false).toMillis() + "ms");
        e.put("reconnect_min", duration(s, "reconnect_min", "500ms", false).toMillis() + "ms");
        e.put("reconnect_max", duration(s, "reconnect_max", "30s", false).toMillis() + "ms");
        try {
            return CometEndpoint.fromConfig(e);
        } catch (CometConfigException ex) {
            String key = ex.getMessage().contains("ws") ? "websocket" : "cometql";
            throw s.invalid(key, ex.getMessage());
        }
    }

    private static String devKey(ConfigSection s) {
        String key = s.findString("dev_key").map(String::trim).orElse("");
        if (key.isEmpty()) {
            throw s.invalid("dev_key", "missing: the tenant's CometQL password is required");
        }
        if (key.contains("'") || key.contains("\\")) {
            throw s.invalid("dev_key", "must not contain quotes or backslashes");
        }
        return key;
    }

    private static List<String> publicRooms(ConfigSection s) {
        List<String> rooms = new ArrayList<>();
        for (String line : s.getList("public_rooms")) {
            for (String part : line.split(",")) {
                String room = part.trim();
                if (room.isEmpty()) {
                    continue;
                }
                if (!PIPE.matcher(room).matches()) {
                    throw s.invalid("public_rooms", "not a pipe name (3..64 of A-Za-z0-9_-): \"" + room + "\"");
                }
                if (!rooms.contains(room)) {
                    rooms.add(room);
                }
            }
        }
        return rooms;
    }

    private static int range(ConfigSection s, String key, int defaultValue, int min, int max) {
        int v = s.getInt(key, defaultValue);
        if (v < min || v > max) {
            throw s.invalid(key, "must be " + min + ".." + max + ", got " + v);
        }
        return v;
    }

    private static Duration duration(ConfigSection s, String key, String defaultValue, boolean zeroAllowed) {
        String text = s.findString(key).orElse(defaultValue);
        Duration d = DurationSetting.parse(text);
        if (d == null) {
            throw s.invalid(key, "not a duration (e.g. 30, 30s, 500ms, 2m): \"" + text + "\"");
        }
        if (d.isZero() && !zeroAllowed) {
            throw s.invalid(key, "must be greater than 0");
        }
        return d;
    }
}

package org.spectrumcomet.comet.config;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.spectrumcomet.comet.engine.redis.RedisSettings;
import org.spectrumcomet.comet.store.FsyncPolicy;

/**
 * Applies a comet.ini onto a {@link ServerConfig.Builder}. Unknown sections and keys are errors
 * (a typo must not silently fall back to a default); every error names the file and line.
 *
 * <p>Sections: {@code [main]}, {@code [cometql]}, {@code [ws]}, {@code [http]}, {@code [tenants]},
 * {@code [limits]}, {@code [store]}, {@code [redis]} — see {@code examples/comet.ini} for every key.
 */
public final class ServerConfigReader {

    private static final Set<String> SECTIONS =
            Set.of("main", "cometql", "ws", "http", "tenants", "limits", "store", "redis");

    private final IniFile ini;
    private final ServerConfig.Builder config;

    private ServerConfigReader(IniFile ini, ServerConfig.Builder config) {
        this.ini = ini;
        this.config = config;
    }

    /** @throws ConfigException naming file and line */
    public static void apply(IniFile ini, ServerConfig.Builder config) {
        new ServerConfigReader(ini, config).apply();
    }

    private void apply() {
        for (String section : ini.sectionNames()) {
            if (!SECTIONS.contains(section)) {
                throw ConfigException.at(ini.name(), ini.lineOf(section), "unknown section [" + section
                        + "] (known: main, cometql, ws, http, tenants, limits, store, redis)");
            }
        }
        ini.section("main").forEach((key, e) -> {
            switch (key) {
                case "password" -> set(e, v -> {
                    // CppComet's single password: becomes tenant 0's key unless [tenants] names 0.
                    if (!ini.section("tenants").containsKey("0")) {
                        config.tenant("0", v);
                    }
                });
                case "blocking_threads" -> config.blockingThreads = positive(e);
                case "blocking_queue" -> config.blockingQueue = positive(e);
                default -> throw unknown("main", key, e);
            }
        });
        ini.section("cometql").forEach((key, e) -> {
            switch (key) {
                case "host" -> set(e, v -> config.cometql = new HostPort(v, config.cometql.port()));
                case "port" -> set(e, v -> config.cometql = new HostPort(config.cometql.host(),
                        HostPort.parsePort(v, v)));
                case "max_connections" -> config.cometqlMaxConnections = positive(e);
                case "idle_timeout" -> config.cometqlIdleTimeout = Duration.ofSeconds(positive(e));
                case "max_packet_bytes" -> config.cometqlMaxPacketBytes = positive(e);
                default -> throw unknown("cometql", key, e);
            }
        });
        ini.section("ws").forEach((key, e) -> {
            switch (key) {
                case "host" -> set(e, v -> config.ws = new HostPort(v, config.ws.port()));
                case "port" -> set(e, v -> config.ws = new HostPort(config.ws.host(), HostPort.parsePort(v, v)));
                case "max_connections" -> config.wsMaxConnections = positive(e);
                case "max_frame_bytes" -> config.wsMaxFrameBytes = positive(e);
                default -> throw unknown("ws", key, e);
            }
        });
        applyHttp(ini.section("http"));
        ini.section("tenants").forEach((key, e) -> set(e, v -> config.tenant(key, v)));
        ini.section("limits").forEach((key, e) -> {
            switch (key) {
                case "max_queued_per_user" -> config.maxQueuedPerUser = positive(e);
                case "max_pipes_per_connection" -> config.maxPipesPerConnection = positive(e);
                default -> throw unknown("limits", key, e);
            }
        });
        ini.section("store").forEach((key, e) -> {
            switch (key) {
                case "data_dir" -> set(e, v -> {
                    if (v.isEmpty()) {
                        throw new IllegalArgumentException("data_dir is empty");
                    }
                    config.dataDir = v;
                });
                case "in_memory" -> set(e, v -> config.inMemory = bool(v));
                case "fsync" -> set(e, v -> config.fsync = FsyncPolicy.parse(v));
                default -> throw unknown("store", key, e);
            }
        });
        applyRedis(ini.section("redis"));
    }

    /** {@code [redis]}: an address turns the Redis engine on; the other keys need one. */
    private void applyRedis(Map<String, IniFile.Entry> redis) {
        IniFile.Entry address = redis.get("address");
        if (address == null || address.value().isEmpty()) {
            redis.values().stream().filter(e -> !e.value().isEmpty()).findFirst().ifPresent(e -> {
                throw ConfigException.at(ini.name(), e.line(), "[redis] needs an address (redis://HOST:PORT[/DB])");
            });
            return;
        }
        set(address, v -> config.redis = RedisSettings.parse(v));
        redis.forEach((key, e) -> {
            switch (key) {
                case "address" -> { }
                case "password" -> set(e, v -> config.redis = config.redis.withPassword(v));
                case "key_prefix" -> set(e, v -> config.redis = config.redis.withKeyPrefix(v));
                case "command_timeout" -> {
                    int seconds = positive(e);
                    set(e, v -> config.redis = config.redis.withCommandTimeout(Duration.ofSeconds(seconds)));
                }
                case "presence_timeout" -> {
                    int seconds = positive(e);
                    set(e, v -> config.redis = config.redis.withPresenceTimeout(Duration.ofSeconds(seconds)));
                }
                case "replay_messages" -> {
                    int count = positive(e);
                    set(e, v -> config.redis = config.redis.withReplayMessages(count));
                }
                case "replay_age" -> {
                    int seconds = positive(e);
                    set(e, v -> config.redis = config.redis.withReplayAge(Duration.ofSeconds(seconds)));
                }
                default -> throw unknown("redis", key, e);
            }
        });
    }

    private void applyHttp(Map<String, IniFile.Entry> http) {
        IniFile.Entry host = http.get("host");
        IniFile.Entry port = http.get("port");
        http.forEach((key, e) -> {
            switch (key) {
                case "host", "port" -> { }
                case "idle_timeout" -> config.httpIdleTimeout = Duration.ofSeconds(positive(e));
                default -> throw unknown("http", key, e);
            }
        });
        // Both empty or absent: the JSON API shares the WebSocket listener.
        boolean hasHost = host != null && !host.value().isEmpty();
        boolean hasPort = port != null && !port.value().isEmpty();
        if (hasHost || hasPort) {
            IniFile.Entry where = hasPort ? port : host;
            set(where, v -> config.http = new HostPort(hasHost ? host.value() : config.ws.host(),
                    hasPort ? HostPort.parsePort(port.value(), port.value()) : config.ws.port()));
        }
    }

    private void set(IniFile.Entry entry, Consumer<String> setter) {
        try {
            setter.accept(entry.value());
        } catch (IllegalArgumentException e) {
            throw ConfigException.at(ini.name(), entry.line(), e.getMessage());
        }
    }

    private int positive(IniFile.Entry entry) {
        String v = entry.value();
        if (!v.matches("[0-9]{1,9}") || Integer.parseInt(v) == 0) {
            throw ConfigException.at(ini.name(), entry.line(), "expected a positive whole number, got '" + v + "'");
        }
        return Integer.parseInt(v);
    }

    private static boolean bool(String v) {
        return switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException("expected true or false, got '" + v + "'");
        };
    }

    private ConfigException unknown(String section, String key, IniFile.Entry e) {
        return ConfigException.at(ini.name(), e.line(), "unknown key '" + key + "' in [" + section + "]");
    }
}

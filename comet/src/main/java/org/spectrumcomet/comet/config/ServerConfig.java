package org.spectrumcomet.comet.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.spectrumcomet.comet.engine.local.ConfiguredTenants;
import org.spectrumcomet.comet.engine.local.EngineLimits;
import org.spectrumcomet.comet.engine.redis.RedisSettings;
import org.spectrumcomet.comet.store.FsyncPolicy;

/**
 * Everything {@code comet-server} needs to start, after comet.ini and the flags were merged.
 * Defaults are those of {@code examples/comet.ini}.
 *
 * @param http the HTTP JSON API address, or null to share the WebSocket listener
 * @param dataDir the store directory as the operator wrote it (relative to the working directory)
 * @param tenants dev_id → key, never empty
 * @param demoTenant true when no tenant was configured and the demo tenant {@code 0} with key
 *                   {@value #DEMO_KEY} was put in
 * @param blockingThreads threads running engine calls for all listeners
 * @param blockingQueue engine calls waiting for a thread; beyond it a call is refused at once
 *                      instead of queueing without bound (see {@code CometServer} for what each
 *                      listener then does)
 * @param redis the shared Redis of a multi-node network, or null for the embedded engine (default)
 */
public record ServerConfig(HostPort cometql, int cometqlMaxConnections, Duration cometqlIdleTimeout,
                           int cometqlMaxPacketBytes, HostPort ws, HostPort http, int wsMaxConnections,
                           int wsMaxFrameBytes, Duration httpIdleTimeout, String dataDir, boolean inMemory,
                           FsyncPolicy fsync, Map<String, String> tenants, boolean demoTenant,
                           EngineLimits limits, int blockingThreads, int blockingQueue,
                           RedisSettings redis) {

    public static final String DEMO_KEY = "CometQLPassword";

    /** Collects settings with their defaults; later calls override earlier ones. */
    public static final class Builder {
        public HostPort cometql = new HostPort("127.0.0.1", 3307);
        public int cometqlMaxConnections = 1024;
        public Duration cometqlIdleTimeout = Duration.ofHours(8);
        public int cometqlMaxPacketBytes = 1 << 20;
        public HostPort ws = new HostPort("127.0.0.1", 8087);
        public HostPort http;
        public int wsMaxConnections = 100_000;
        public int wsMaxFrameBytes = 65_535;
        public Duration httpIdleTimeout = Duration.ofSeconds(60);
        public String dataDir = "./data";
        public boolean inMemory;
        public FsyncPolicy fsync = FsyncPolicy.FULL;
        public final Map<String, String> tenants = new LinkedHashMap<>();
        public int maxQueuedPerUser = EngineLimits.DEFAULT_MAX_QUEUED_PER_USER;
        public int maxPipesPerConnection = EngineLimits.DEFAULT_MAX_PIPES_PER_SESSION;
        public int blockingThreads = 16;
        public int blockingQueue = 10_000;
        /** Null: the embedded engine. */
        public RedisSettings redis;

        /**
         * Adds or replaces a tenant.
         *
         * @throws IllegalArgumentException for an id that is not 1–9 digits or an empty key
         */
        public Builder tenant(String devId, String key) {
            String id = ConfiguredTenants.normalise(devId).orElseThrow(() -> new IllegalArgumentException(
                    "tenant id '" + devId + "' must be a decimal number of at most 9 digits"));
            if (key == null || key.isEmpty()) {
                throw new IllegalArgumentException("tenant " + id + " has an empty key");
            }
            tenants.put(id, key);
            return this;
        }

        public ServerConfig build() {
            Map<String, String> finalTenants = new LinkedHashMap<>(tenants);
            boolean demo = finalTenants.isEmpty();
            if (demo) {
                finalTenants.put("0", DEMO_KEY);
            }
            return new ServerConfig(cometql, cometqlMaxConnections, cometqlIdleTimeout, cometqlMaxPacketBytes, ws,
                    http, wsMaxConnections, wsMaxFrameBytes, httpIdleTimeout, dataDir, inMemory, fsync,
                    Map.copyOf(finalTenants), demo,
                    new EngineLimits(maxQueuedPerUser, maxPipesPerConnection), blockingThreads, blockingQueue, redis);
        }
    }
}

package org.spectrumcomet.comet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.spectrumcomet.comet.config.ConfigException;
import org.spectrumcomet.comet.config.HostPort;
import org.spectrumcomet.comet.config.IniFile;
import org.spectrumcomet.comet.config.ServerConfig;
import org.spectrumcomet.comet.config.ServerConfigReader;
import org.spectrumcomet.comet.engine.redis.RedisSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code comet-server}: flags override comet.ini, which overrides the defaults.
 *
 * <p>Exit codes: 0 after a clean stop (SIGTERM/SIGINT), 1 when the server cannot start (port in
 * use, bad address, unusable data directory), 2 for a usage or configuration error.
 */
@Command(name = "comet-server", mixinStandardHelpOptions = true, versionProvider = CometServerCommand.Version.class,
        description = "Runs the comet server: CometQL (MySQL wire protocol), CppComet WebSocket and the JSON API.",
        sortOptions = false)
final class CometServerCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(CometServerCommand.class);

    @Option(names = "--config", paramLabel = "FILE", description = "comet.ini to read (default: none, built-in defaults)")
    Path configFile;

    @Option(names = "--cometql", paramLabel = "HOST:PORT", description = "CometQL listener (default 127.0.0.1:3307)")
    String cometql;

    @Option(names = "--ws", paramLabel = "HOST:PORT", description = "WebSocket listener (default 127.0.0.1:8087)")
    String ws;

    @Option(names = "--http", paramLabel = "HOST:PORT", description = "HTTP JSON API (default: same as --ws)")
    String http;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "store directory (default ./data)")
    String dataDir;

    @Option(names = "--in-memory", description = "keep everything in memory; nothing survives a restart")
    boolean inMemory;

    @Option(names = "--redis", paramLabel = "redis://HOST:PORT[/DB]",
            description = "share one network with other nodes through this Redis (default: embedded, one node)")
    String redis;

    @Option(names = "--tenant", paramLabel = "ID:KEY", description = "a tenant (dev_id and key); repeatable")
    List<String> tenants = new ArrayList<>();

    static int run(String... args) {
        CommandLine cli = new CommandLine(new CometServerCommand());
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            System.err.println("comet-server: " + e.getMessage());
            return 1;
        });
        return cli.execute(args);
    }

    /** Merges defaults, comet.ini and flags. @throws ConfigException with a one-line reason */
    ServerConfig configure() {
        ServerConfig.Builder builder = new ServerConfig.Builder();
        if (configFile != null) {
            ServerConfigReader.apply(IniFile.read(configFile), builder);
        }
        try {
            if (cometql != null) {
                builder.cometql = HostPort.parse(cometql);
            }
            if (ws != null) {
                builder.ws = HostPort.parse(ws);
            }
            if (http != null) {
                builder.http = HostPort.parse(http);
            }
            if (redis != null) {
                // The flag moves the address; password, prefix, timeouts and replay bounds of [redis] stay.
                RedisSettings at = RedisSettings.parse(redis);
                RedisSettings ini = builder.redis;
                builder.redis = ini == null ? at : ini.at(at);
            }
            for (String tenant : tenants) {
                int colon = tenant.indexOf(':');
                if (colon < 0) {
                    throw new IllegalArgumentException("--tenant '" + tenant + "': expected ID:KEY");
                }
                builder.tenant(tenant.substring(0, colon), tenant.substring(colon + 1));
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
        if (dataDir != null) {
            builder.dataDir = dataDir;
        }
        if (inMemory) {
            builder.inMemory = true;
        }
        return builder.build();
    }

    @Override
    public Integer call() {
        ServerConfig config;
        try {
            config = configure();
        } catch (ConfigException e) {
            System.err.println("comet-server: " + e.getMessage());
            return 2;
        }
        CometServer server;
        try {
            server = CometServer.start(config);
        } catch (ServerStartException e) {
            System.err.println("comet-server: " + e.getMessage());
            return 1;
        }
        CountDownLatch stop = new CountDownLatch(1);
        StopSignals.install(stop, server);
        System.out.println(server.readyLine());
        System.out.flush();
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("stopping");
        server.close();
        return 0;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = CometServer.class.getPackage().getImplementationVersion();
            return new String[] {"comet-server " + (v == null ? "0.1.0-SNAPSHOT" : v)};
        }
    }
}

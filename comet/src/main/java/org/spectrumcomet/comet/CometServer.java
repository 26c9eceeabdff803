package org.spectrumcomet.comet;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.spectrumcomet.comet.cometql.CometQlListener;
import org.spectrumcomet.comet.cometql.CometQlSettings;
import org.spectrumcomet.comet.config.HostPort;
import org.spectrumcomet.comet.config.ServerConfig;
import org.spectrumcomet.comet.engine.CometEngine;
import org.spectrumcomet.comet.engine.local.ConfiguredTenants;
import org.spectrumcomet.comet.engine.local.LocalCometEngine;
import org.spectrumcomet.comet.engine.redis.RedisCometEngine;
import org.spectrumcomet.comet.metrics.CometMetrics;
import org.spectrumcomet.comet.metrics.OperatorEndpoints;
import org.spectrumcomet.comet.metrics.ServerGauges;
import org.spectrumcomet.comet.metrics.ServerHealth;
import org.spectrumcomet.comet.store.CometStore;
import org.spectrumcomet.comet.store.CometStoreException;
import org.spectrumcomet.comet.store.MemoryStore;
import org.spectrumcomet.comet.store.SqliteStore;
import org.spectrumcomet.comet.ws.WebListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running comet server: engine (embedded with its store, or one node on a shared Redis) → one
 * Netty boss/worker pair shared by the CometQL and WebSocket/HTTP listeners, and one bounded
 * executor for the engine's blocking calls.
 *
 * <p>The executor has {@code blocking_threads} threads and a queue of {@code blocking_queue}
 * tasks; when the queue is full a submission is rejected at once ({@link
 * java.util.concurrent.RejectedExecutionException}): the CometQL listener then closes that
 * connection, the WebSocket/HTTP listener retries the connection's next call shortly (in order,
 * within the connection's own bound of pending calls).
 *
 * <p>Every listener counts into one {@link CometMetrics}; the HTTP port answers {@code GET /metrics}
 * from it and {@code GET /health} from a {@link ServerHealth} that knows the listeners and the store.
 */
public final class CometServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CometServer.class);

    private final ServerConfig config;
    private final CometMetrics metrics;
    /** What to close, newest first. */
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private InetSocketAddress cometqlAddress;
    private InetSocketAddress wsAddress;
    private InetSocketAddress httpAddress;

    private CometServer(ServerConfig config, CometMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
    }

    public static void main(String[] args) {
        System.exit(CometServerCommand.run(args));
    }

    /** Starts everything; on failure closes what was started and throws a one-line reason. */
    public static CometServer start(ServerConfig config) throws ServerStartException {
        return start(config, new CometMetrics());
    }

    /**
     * As {@link #start(ServerConfig)}, counting into {@code metrics} (its registry is what
     * {@code GET /metrics} shows). The server closes {@code metrics} when it stops.
     */
    public static CometServer start(ServerConfig config, CometMetrics metrics) throws ServerStartException {
        CometServer server = new CometServer(config, metrics);
        try {
            server.startAll();
            return server;
        } catch (ServerStartException e) {
            server.close();
            throw e;
        } catch (RuntimeException e) {
            server.close();
            throw new ServerStartException("cannot start: " + e, e);
        }
    }

    private void startAll() throws ServerStartException {
        if (config.demoTenant()) {
            log.warn("no tenant configured: using demo tenant 0 with the well-known key '{}' — configure "
                    + "[tenants] before exposing this server", ServerConfig.DEMO_KEY);
        }
        resources.push(metrics);
        CometEngine engine = openEngine();
        resources.push(engine);
        ServerGauges gauges = ServerGauges.register(metrics, engine.vitals());
        ServerHealth health = new ServerHealth(engine.vitals(), storeKind());
        EventLoopGroup boss = new NioEventLoopGroup(1, new DefaultThreadFactory("comet-boss"));
        EventLoopGroup workers = new NioEventLoopGroup(0, new DefaultThreadFactory("comet-io"));
        resources.push(() -> {
            boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        });
        ExecutorService blocking = new ThreadPoolExecutor(config.blockingThreads(), config.blockingThreads(),
                60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(config.blockingQueue()),
                new DefaultThreadFactory("comet-blocking"), new ThreadPoolExecutor.AbortPolicy());
        resources.push(() -> {
            blocking.shutdown();
            if (!blocking.awaitTermination(5, TimeUnit.SECONDS)) {
                blocking.shutdownNow();
            }
        });

        InetSocketAddress cometqlBind = resolve("cometql", config.cometql());
        InetSocketAddress wsBind = resolve("ws", config.ws());
        InetSocketAddress httpBind = config.http() == null ? null : resolve("http", config.http());

        CometQlListener cometql = listen("cometql", config.cometql(), () -> CometQlListener.start(
                new CometQlSettings(cometqlBind, config.cometqlMaxConnections(), config.cometqlIdleTimeout(),
                        config.cometqlMaxPacketBytes()), engine, boss, workers, blocking, metrics));
        resources.push(cometql);
        cometqlAddress = cometql.localAddress();
        health.listener("cometql", cometql::bound);
        gauges.watch(cometql.connections());
        WebListener web = listen("ws", config.ws(), () -> WebListener.start(
                new org.spectrumcomet.comet.ws.WebSettings(wsBind, httpBind, config.wsMaxConnections(),
                        config.wsMaxFrameBytes(), config.httpIdleTimeout()), engine, boss, workers, blocking,
                metrics, new OperatorEndpoints(metrics, health)));
        resources.push(web);
        wsAddress = web.localAddress();
        httpAddress = web.httpAddress();
        health.listener(httpBind == null ? "ws" : "ws+http", web::bound);
        gauges.watch(web.channels());
    }

    /** The embedded engine with its store, or with {@code --redis} one node of a shared network. */
    private CometEngine openEngine() throws ServerStartException {
        ConfiguredTenants tenants = new ConfiguredTenants(config.tenants());
        if (config.redis() == null) {
            return new LocalCometEngine(tenants, openStore(), config.limits(), Clock.systemUTC());
        }
        try {
            return new RedisCometEngine(tenants, config.redis(), config.limits(), Clock.systemUTC());
        } catch (CometStoreException e) {
            throw new ServerStartException(e.getMessage(), e);
        }
    }

    /** What {@code /health} calls the store. */
    private String storeKind() {
        return config.redis() != null ? "redis" : config.inMemory() ? "memory" : "sqlite";
    }

    /** The server's meters ({@code GET /metrics} on the HTTP port shows them). */
    public CometMetrics metrics() {
        return metrics;
    }

    private CometStore openStore() throws ServerStartException {
        if (config.inMemory()) {
            log.info("store: in memory (nothing survives a restart)");
            return new MemoryStore();
        }
        try {
            return SqliteStore.open(Path.of(config.dataDir()), config.fsync());
        } catch (CometStoreException e) {
            throw new ServerStartException(e.getMessage(), e);
        }
    }

    private static InetSocketAddress resolve(String what, HostPort where) throws ServerStartException {
        InetSocketAddress address = where.toAddress();
        if (address.isUnresolved()) {
            throw new ServerStartException("cannot listen on " + what + " " + where + ": unknown host "
                    + where.host(), null);
        }
        return address;
    }

    @FunctionalInterface
    private interface ListenerStart<T> {
        T start() throws Exception;
    }

    private static <T> T listen(String what, HostPort where, ListenerStart<T> start) throws ServerStartException {
        try {
            return start.start();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerStartException("interrupted while starting " + what, e);
        } catch (Exception e) {
            throw new ServerStartException("cannot listen on " + what + " " + where + ": " + reason(e), e);
        }
    }

    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException || t instanceof java.net.SocketException) {
                return t.getMessage();
            }
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /** The single line printed once the server accepts connections. */
    public String readyLine() {
        return "comet-server ready cometql=" + text(cometqlAddress) + " ws=" + text(wsAddress)
                + " http=" + text(httpAddress) + " data=" + dataText()
                + " tenants=" + config.tenants().size();
    }

    private String dataText() {
        if (config.redis() != null) {
            return config.redis().toString();
        }
        return config.inMemory() ? "memory" : config.dataDir();
    }

    private static String text(InetSocketAddress address) {
        return address == null ? "-" : new HostPort(address.getAddress().getHostAddress(), address.getPort()).toString();
    }

    public InetSocketAddress cometqlAddress() {
        return cometqlAddress;
    }

    public InetSocketAddress wsAddress() {
        return wsAddress;
    }

    public InetSocketAddress httpAddress() {
        return httpAddress;
    }

    /** Closes listeners first (no new work), then the executor, the event loops and the engine+store. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                log.warn("closing {} failed: {}", resource, e.toString());
            }
        }
        log.info("comet-server stopped");
    }
}

package org.spectrumcomet.comet.ws;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.spectrumcomet.comet.engine.CometEngine;
import org.spectrumcomet.comet.metrics.CometMetrics;
import org.spectrumcomet.comet.metrics.OperatorEndpoints;
import org.spectrumcomet.comet.metrics.ServerHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The browser-side listener: CppComet-compatible WebSocket, the JSON comet API (WebSocket
 * subscribe + HTTP publish/broadcast/dump) in front of the {@link CometEngine}. One pipeline
 * ({@link WebChannelInitializer}) serves both the ws address and, when configured, the separate
 * HTTP API address.
 */
public final class WebListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebListener.class);
    /** Shown in serverInfo frames and on the home page. */
    public static final String SERVER = "spectrum-comet " + version() + " (CppComet-compatible)";

    private final Channel ws;
    private final Channel http;
    private final ChannelGroup channels;

    private WebListener(Channel ws, Channel http, ChannelGroup channels) {
        this.ws = ws;
        this.http = http;
        this.channels = channels;
    }

    /**
     * Binds and starts serving; returns once the socket(s) are bound.
     *
     * @param blocking executor for engine calls (they may block)
     */
    public static WebListener start(WebSettings settings, CometEngine engine, EventLoopGroup boss,
                                    EventLoopGroup workers, ExecutorService blocking) throws InterruptedException {
        CometMetrics metrics = CometMetrics.unscraped();
        return start(settings, engine, boss, workers, blocking, metrics,
                new OperatorEndpoints(metrics, new ServerHealth(engine.vitals(), "engine")));
    }

    /**
     * As {@link #start(WebSettings, CometEngine, EventLoopGroup, EventLoopGroup, ExecutorService)},
     * counting into {@code metrics} and answering {@code /metrics} and {@code /health} with {@code endpoints}.
     */
    public static WebListener start(WebSettings settings, CometEngine engine, EventLoopGroup boss,
                                    EventLoopGroup workers, ExecutorService blocking, CometMetrics metrics,
                                    OperatorEndpoints endpoints) throws InterruptedException {
        ChannelGroup channels = new DefaultChannelGroup("comet-web", GlobalEventExecutor.INSTANCE);
        String node = System.getenv().getOrDefault("HOSTNAME", "spectrum-comet");
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(64 * 1024, 256 * 1024))
                .childHandler(new WebChannelInitializer(settings, engine, blocking, channels, SERVER, node,
                        metrics, endpoints));
        Channel ws = bootstrap.bind(settings.ws()).sync().channel();
        channels.add(ws);
        Channel http = null;
        if (settings.http() != null) {
            try {
                http = bootstrap.bind(settings.http()).sync().channel();
                channels.add(http);
            } catch (RuntimeException | InterruptedException e) {
                ws.close().syncUninterruptibly();
                throw e;
            }
        }
        LOG.info("WebSocket listening on {}{}", ws.localAddress(),
                http == null ? "" : ", HTTP API on " + http.localAddress());
        return new WebListener(ws, http, channels);
    }

    /** The bound WebSocket address (the real port when the settings asked for port 0). */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) ws.localAddress();
    }

    /** The bound HTTP API address: the WebSocket address unless a separate one was configured. */
    public InetSocketAddress httpAddress() {
        return http == null ? localAddress() : (InetSocketAddress) http.localAddress();
    }

    /** True while every listening socket is bound (for {@code /health}). */
    public boolean bound() {
        return ws.isActive() && (http == null || http.isActive());
    }

    /** Every channel of the listener, for the outbound backlog gauges. */
    public ChannelGroup channels() {
        return channels;
    }

    /** Stops accepting and closes every connection. */
    @Override
    public void close() {
        channels.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    private static String version() {
        String v = WebListener.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0" : v;
    }
}

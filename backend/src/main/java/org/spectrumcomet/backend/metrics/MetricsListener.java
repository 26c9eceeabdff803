package org.spectrumcomet.backend.metrics;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code [metrics]} HTTP listener: {@code GET /metrics} and {@code GET /health}
 * ({@link MetricsHttpHandler}) on one Netty event loop of its own, so a slow or hostile scraper
 * never delays the link to the main instance or the comet sockets.
 *
 * <p>Bounds: request line and headers at most 4 KiB / 8 KiB and a body of at most 4 KiB (more
 * gets 400/431 and the connection closes); a connection idle for 10 s is closed, and so is one
 * that has not been answered {@value #REQUEST_DEADLINE_SECONDS} s after it was accepted (a client
 * trickling one byte at a time never looks idle, and {@value #MAX_CONNECTIONS} of them would
 * otherwise lock every scraper out); at most {@value #BACKLOG} connections wait to be accepted and
 * at most {@value #MAX_CONNECTIONS} are open (more are closed at once, unanswered). Every response
 * closes its connection.
 */
public final class MetricsListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsListener.class);
    static final int BACKLOG = 16;
    static final int MAX_CONNECTIONS = 32;
    static final int REQUEST_DEADLINE_SECONDS = 10;

    private final EventLoopGroup group;
    private final Channel server;

    private MetricsListener(EventLoopGroup group, Channel server) {
        this.group = group;
        this.server = server;
    }

    /**
     * Binds {@code settings.host():settings.port()} (blocking the caller, never an event loop).
     *
     * @throws MetricsBindException when the address cannot be bound (in use, not local, ...)
     */
    public static MetricsListener start(MetricsSettings settings, BackendMetrics metrics) {
        return start(settings, metrics, Duration.ofSeconds(REQUEST_DEADLINE_SECONDS));
    }

    /** Like {@link #start(MetricsSettings, BackendMetrics)} with another whole-request deadline (for tests). */
    static MetricsListener start(MetricsSettings settings, BackendMetrics metrics, Duration requestDeadline) {
        EventLoopGroup group = new NioEventLoopGroup(1, new DefaultThreadFactory("metrics-http", true));
        AtomicInteger open = new AtomicInteger();
        ServerBootstrap b = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, BACKLOG)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (open.incrementAndGet() > MAX_CONNECTIONS) {
                            open.decrementAndGet();
                            LOG.debug("metrics listener: {} connections open, closing one from {}", MAX_CONNECTIONS,
                                    ch.remoteAddress());
                            ch.close();
                            return;
                        }
                        // A deadline for the whole exchange, not only for silence: see the class comment.
                        ScheduledFuture<?> deadline = ch.eventLoop().schedule(() -> {
                            LOG.debug("metrics listener: no complete request from {} within {} ms, closing",
                                    ch.remoteAddress(), requestDeadline.toMillis());
                            ch.close();
                        }, requestDeadline.toMillis(), TimeUnit.MILLISECONDS);
                        ch.closeFuture().addListener(f -> {
                            deadline.cancel(false);
                            open.decrementAndGet();
                        });
                        ch.pipeline().addLast(new ReadTimeoutHandler(10, TimeUnit.SECONDS),
                                new HttpServerCodec(4096, 8192, 8192), new HttpObjectAggregator(4096),
                                new MetricsHttpHandler(metrics));
                    }
                });
        ChannelFuture bound = b.bind(settings.host(), settings.port()).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            Throwable cause = bound.cause();
            throw new MetricsBindException("[metrics] listen = " + settings.address() + ": cannot listen there: "
                    + (cause == null ? "?" : cause.getMessage()), cause);
        }
        MetricsListener listener = new MetricsListener(group, bound.channel());
        LOG.info("metrics listener on http://{}/metrics and /health", listener.address());
        return listener;
    }

    /** The bound address as host:port. */
    public String address() {
        InetSocketAddress a = (InetSocketAddress) server.localAddress();
        String host = a.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    /** The bound port (useful when 0 was asked for). */
    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    @Override
    public void close() {
        server.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
    }
}

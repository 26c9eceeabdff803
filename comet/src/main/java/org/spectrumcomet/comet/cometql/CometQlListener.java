package org.spectrumcomet.comet.cometql;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectrumcomet.comet.engine.CometEngine;
import org.spectrumcomet.comet.metrics.CometMetrics;
import org.spectrumcomet.comet.metrics.CometQlMeter;
import org.spectrumcomet.comet.mysql.MysqlChannelHandler;
import org.spectrumcomet.comet.mysql.MysqlConnection;
import org.spectrumcomet.comet.mysql.MysqlConnectionLimit;
import org.spectrumcomet.comet.mysql.MysqlPacketDecoder;
import org.spectrumcomet.comet.mysql.ServerMessageEncoder;

/**
 * The CometQL listener: MySQL wire protocol in front of the {@link CometEngine}.
 *
 * <p>Bounds, all from {@link CometQlSettings}: connections beyond {@code maxConnections} get ERR 1040
 * and are closed; a connection silent for {@code idleTimeout} is closed; a packet announcing more
 * than {@code maxPacketBytes} gets ERR 11 and the connection is closed. Per connection at most
 * {@link MysqlChannelHandler#MAX_PENDING} pipelined requests wait; beyond that reading pauses.
 */
public final class CometQlListener implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CometQlListener.class);

    private final Channel server;
    private final ChannelGroup connections;

    private CometQlListener(Channel server, ChannelGroup connections) {
        this.server = server;
        this.connections = connections;
    }

    /**
     * Binds and starts serving; returns once the socket is bound.
     *
     * @param statements executor for statement execution (engine calls may block)
     */
    public static CometQlListener start(CometQlSettings settings, CometEngine engine, EventLoopGroup boss,
                                        EventLoopGroup workers, ExecutorService statements)
            throws InterruptedException {
        return start(settings, engine, boss, workers, statements, CometMetrics.unscraped());
    }

    /** As {@link #start(CometQlSettings, CometEngine, EventLoopGroup, EventLoopGroup, ExecutorService)}, counting into {@code metrics}. */
    public static CometQlListener start(CometQlSettings settings, CometEngine engine, EventLoopGroup boss,
                                        EventLoopGroup workers, ExecutorService statements, CometMetrics metrics)
            throws InterruptedException {
        CometQlService service = new CometQlService(engine, settings, metrics);
        CometQlMeter meter = new CometQlMeter(metrics);
        MysqlConnectionLimit limit = new MysqlConnectionLimit(settings.maxConnections());
        ChannelGroup connections = new DefaultChannelGroup("cometql", GlobalEventExecutor.INSTANCE);
        AtomicLong connectionIds = new AtomicLong();
        long idleMillis = settings.idleTimeout().toMillis();
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        connections.add(ch);
                        MysqlConnection connection = new MysqlConnection(service, ch.remoteAddress(),
                                connectionIds.incrementAndGet());
                        ch.pipeline()
                                .addLast("limit", limit)
                                .addLast("idle", new IdleStateHandler(idleMillis, 0, 0, TimeUnit.MILLISECONDS))
                                .addLast("decoder", new MysqlPacketDecoder(settings.maxPacketBytes()))
                                .addLast("encoder", ServerMessageEncoder.INSTANCE)
                                .addLast("metrics", meter)
                                .addLast("connection", new MysqlChannelHandler(connection, statements));
                    }
                });
        Channel server = bootstrap.bind(settings.bind()).sync().channel();
        log.info("CometQL listening on {}", server.localAddress());
        return new CometQlListener(server, connections);
    }

    /** The bound address (the real port when the settings asked for port 0). */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) server.localAddress();
    }

    /** True while the listening socket is bound (for {@code /health}). */
    public boolean bound() {
        return server.isActive();
    }

    /** The accepted connections, for the outbound backlog gauges. */
    public ChannelGroup connections() {
        return connections;
    }

    /** Stops accepting and closes every connection. */
    @Override
    public void close() {
        server.close().syncUninterruptibly();
        connections.close().awaitUninterruptibly();
        log.info("CometQL listener on {} closed", server.localAddress());
    }
}

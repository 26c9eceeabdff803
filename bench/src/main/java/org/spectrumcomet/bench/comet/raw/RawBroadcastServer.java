package org.spectrumcomet.bench.comet.raw;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * The raw broadcast server: a WebSocket listener (any path; every connection subscribes) and a
 * publish listener (one line per message, ≤ 8 KiB). Runs as its own process in the benchmark,
 * like the comet servers it is compared with: {@code main} prints
 * {@code raw-broadcast ready ws=HOST:PORT publish=HOST:PORT} and serves until stdin closes.
 *
 * <p>Bounds: HTTP upgrade requests ≤ 8 KiB, incoming WebSocket frames ≤ 64 KiB (larger: closed),
 * outbound buffer per subscriber 1 MiB high-water mark (above it, broadcasts skip the subscriber).
 */
public final class RawBroadcastServer implements AutoCloseable {

    private static final int MAX_LINE = 8192;

    private final EventLoopGroup group;
    private final ChannelGroup subscribers;
    private final Channel wsListener;
    private final Channel publishListener;

    private RawBroadcastServer(EventLoopGroup group, ChannelGroup subscribers, Channel ws, Channel publish) {
        this.group = group;
        this.subscribers = subscribers;
        this.wsListener = ws;
        this.publishListener = publish;
    }

    /** Binds both listeners on {@code host} (port 0 = ephemeral) with {@code threads} event loops. */
    public static RawBroadcastServer start(String host, int wsPort, int publishPort, int threads, String pipe,
                                           String event) throws InterruptedException {
        EventLoopGroup group = new NioEventLoopGroup(threads);
        ChannelGroup subscribers = new DefaultChannelGroup("subscribers", GlobalEventExecutor.INSTANCE);
        try {
            WebSocketServerProtocolConfig ws = WebSocketServerProtocolConfig.newBuilder()
                    .websocketPath("/").checkStartsWith(true).maxFramePayloadLength(65536)
                    .handshakeTimeoutMillis(10_000).build();
            Channel wsChannel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 4096)
                    .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(512 * 1024, 1 << 20))
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(8192),
                                    new WebSocketServerProtocolHandler(ws), new RawSubscriberHandler(subscribers));
                        }
                    }).bind(host, wsPort).sync().channel();
            Channel publishChannel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new LineBasedFrameDecoder(MAX_LINE),
                                    new PublishLineHandler(subscribers, pipe, event));
                        }
                    }).bind(host, publishPort).sync().channel();
            return new RawBroadcastServer(group, subscribers, wsChannel, publishChannel);
        } catch (InterruptedException | RuntimeException e) {
            group.shutdownGracefully();
            throw e;
        }
    }

    /** Current subscribers (handshake complete, still open). */
    public int subscriberCount() {
        return subscribers.size();
    }

    public InetSocketAddress wsAddress() {
        return (InetSocketAddress) wsListener.localAddress();
    }

    public InetSocketAddress publishAddress() {
        return (InetSocketAddress) publishListener.localAddress();
    }

    @Override
    public void close() {
        wsListener.close().syncUninterruptibly();
        subscribers.close().awaitUninterruptibly();
        publishListener.close().syncUninterruptibly();
        group.shutdownGracefully().syncUninterruptibly();
    }

    /** Args: {@code [pipe [event [threads]]]}; listens on 127.0.0.1, ephemeral ports. */
    public static void main(String[] args) throws Exception {
        String pipe = args.length > 0 ? args[0] : "bench_fanout";
        String event = args.length > 1 ? args[1] : "bench";
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
        try (RawBroadcastServer server = start("127.0.0.1", 0, 0, threads, pipe, event)) {
            System.out.println("raw-broadcast ready ws=127.0.0.1:" + server.wsAddress().getPort()
                    + " publish=127.0.0.1:" + server.publishAddress().getPort());
            System.out.flush();
            try {
                while (System.in.read() >= 0) {
                    // serve until the benchmark closes our stdin (or kills us)
                }
            } catch (IOException e) {
                // stdin gone: stop
            }
        }
    }
}

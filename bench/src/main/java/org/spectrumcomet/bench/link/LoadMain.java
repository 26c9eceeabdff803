package org.spectrumcomet.bench.link;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.spectrumcomet.conformance.main.BackendProcess;
import org.spectrumcomet.conformance.main.TransportConfig;
import org.spectrumcomet.protocol.SpectrumCodec;
import org.spectrumcomet.protocol.SpectrumFrameDecoder;

/**
 * The load-generating main instance for one backend: listens on 127.0.0.1:0, spawns the target with
 * the conformance kit's transport config and Spectrum argv, and drives the first connection through
 * a {@link LoadLink}. Later connections are closed at once.
 *
 * <p>The write buffer is bounded (32–64 KiB water marks): when the backend stops reading, the main
 * stops writing rather than queueing without end.
 */
public final class LoadMain implements AutoCloseable {

    private final EventLoopGroup group = new NioEventLoopGroup(1);
    private final LoadLink link = new LoadLink();
    private final Channel server;
    private SpawnedBackend backend;
    private volatile boolean accepted;

    public LoadMain() throws InterruptedException {
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childOption(io.netty.channel.ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(32 * 1024, 64 * 1024))
                .childOption(io.netty.channel.ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (accepted) {
                            ch.close();
                            return;
                        }
                        accepted = true;
                        SpectrumCodec.install(ch.pipeline(), SpectrumFrameDecoder.DEFAULT_MAX_FRAME_LENGTH, false);
                        ch.pipeline().addLast("load-link", link);
                    }
                })
                .bind("127.0.0.1", 0).sync().channel();
    }

    int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** Spawns {@code target} and waits until it has answered the first PING. */
    public LoadLink spawnAndAwaitReady(LinkTarget target, Path workDir, Duration timeout) throws IOException, InterruptedException {
        String name = target.label().replaceAll("[^A-Za-z0-9]+", "-");
        Path config = TransportConfig.write(workDir, name, port(), target.command(), target.configExtra());
        List<String> argv = BackendProcess.spectrumArgv(target.command(), port(), 1, config);
        backend = SpawnedBackend.start(argv, target.environment(), workDir.resolve(name + ".log"));
        try {
            link.ready().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            throw new IOException(target.label() + " did not answer PING within " + timeout + ": " + e
                    + "\n" + backend.logTail());
        }
        return link;
    }

    public SpawnedBackend backend() {
        return backend;
    }

    @Override
    public void close() {
        link.stop();
        link.sendExitAndClose();
        if (backend != null) {
            backend.close();
        }
        server.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
    }
}

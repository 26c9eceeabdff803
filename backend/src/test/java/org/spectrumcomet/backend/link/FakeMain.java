package org.spectrumcomet.backend.link;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.spectrumcomet.protocol.SpectrumCodec;
import org.spectrumcomet.protocol.SpectrumMessage;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/** A tiny Spectrum main instance for tests: accepts one backend on 127.0.0.1:0 and records its frames. */
public final class FakeMain implements AutoCloseable {

    /** A frame from the backend and when it arrived. */
    public record Received(SpectrumMessage message, long nanos) {
        public Type type() {
            return message.type();
        }
    }

    private final EventLoopGroup group = new NioEventLoopGroup(1);
    private final Channel server;
    private final CompletableFuture<Channel> backend = new CompletableFuture<>();
    private final CompletableFuture<Void> backendClosed = new CompletableFuture<>();
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

    public FakeMain() throws InterruptedException {
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        SpectrumCodec.install(ch.pipeline(), 16 * 1024 * 1024, false);
                        ch.pipeline().addLast(new SimpleChannelInboundHandler<SpectrumMessage>() {
                            @Override
                            public void channelActive(ChannelHandlerContext ctx) {
                                backend.complete(ctx.channel());
                            }

                            @Override
                            protected void channelRead0(ChannelHandlerContext ctx, SpectrumMessage msg) {
                                received.add(new Received(msg, System.nanoTime()));
                            }

                            @Override
                            public void channelInactive(ChannelHandlerContext ctx) {
                                backendClosed.complete(null);
                            }
                        });
                    }
                }).bind("127.0.0.1", 0).sync().channel();
    }

    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    public Channel awaitBackend() throws Exception {
        return backend.get(5, TimeUnit.SECONDS);
    }

    /** Sends a frame to the backend and returns when it is written. */
    public void send(SpectrumMessage message) throws Exception {
        awaitBackend().writeAndFlush(message).sync();
    }

    public void ping() throws Exception {
        send(SpectrumMessage.of(Type.TYPE_PING));
    }

    /** The next frame from the backend, failing after {@code millis}. */
    public Received next(long millis) throws InterruptedException {
        Received r = received.poll(millis, TimeUnit.MILLISECONDS);
        if (r == null) {
            throw new AssertionError("no frame from the backend within " + millis + " ms");
        }
        return r;
    }

    /** The next frame of the given type, skipping others. */
    public Received next(Type type, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (true) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            Received r = received.poll(Math.max(left, 0), TimeUnit.MILLISECONDS);
            if (r == null) {
                throw new AssertionError("no " + type + " from the backend within " + millis + " ms");
            }
            if (r.type() == type) {
                return r;
            }
        }
    }

    /** Nothing arrives for {@code millis}; returns what did arrive otherwise (null if nothing). */
    public Received poll(long millis) throws InterruptedException {
        return received.poll(millis, TimeUnit.MILLISECONDS);
    }

    public CompletableFuture<Void> backendClosed() {
        return backendClosed;
    }

    /** Closes the backend's connection: EOF on its side. */
    public void disconnectBackend() throws Exception {
        awaitBackend().close().sync();
    }

    @Override
    public void close() {
        server.close();
        backend.thenAccept(Channel::close);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
    }
}

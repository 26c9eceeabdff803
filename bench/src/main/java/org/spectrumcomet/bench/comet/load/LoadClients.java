package org.spectrumcomet.bench.comet.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameEncoder;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Many CppComet-protocol WebSocket clients on a few event loops. Connections are opened with at
 * most {@value #MAX_PENDING} handshakes in flight, round-robin from source addresses
 * 127.0.0.2, 127.0.0.3, … (one address gives at most ~28,000 connections to one server port
 * with the default ephemeral port range). {@link #open} is bounded by a deadline.
 */
public final class LoadClients implements AutoCloseable {

    static final int MAX_PENDING = 256;
    static final int MAX_ROUNDS = 5;
    private static final AttributeKey<Runnable> PERMIT = AttributeKey.valueOf("bench-connect-permit");

    private final EventLoopGroup loops;
    private final int sourceAddresses;
    private final Deliveries deliveries = new Deliveries();
    private final ChannelGroup open = new DefaultChannelGroup("clients", GlobalEventExecutor.INSTANCE);
    private final AtomicInteger upgraded = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicReference<Throwable> lastFailure = new AtomicReference<>();
    private int nextSource;

    public LoadClients(int threads, int sourceAddresses) {
        this.loops = new NioEventLoopGroup(threads);
        this.sourceAddresses = Math.max(1, Math.min(250, sourceAddresses));
    }

    public Deliveries deliveries() {
        return deliveries;
    }

    /** Connections currently open and upgraded. */
    public int connected() {
        return open.size();
    }

    /** Connections that failed to connect or upgrade since creation. */
    public int failures() {
        return failed.get();
    }

    public Throwable lastFailure() {
        return lastFailure.get();
    }

    /**
     * Opens {@code count} more clients to {@code server}, each subscribing to {@code pipe} (null:
     * none), and waits until all are upgraded or the timeout passes; attempts that fail are
     * retried, in at most {@value #MAX_ROUNDS} rounds.
     *
     * @param pathForClient the request path, e.g. {@link UpgradeRequest#anonymousPath}
     * @return how many of them are upgraded now
     */
    public int open(InetSocketAddress server, int count, String pipe, Supplier<String> pathForClient,
                    long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        int opened = 0;
        // a server may reset some attempts under the ramp (CppComet does): retry those, as browsers would
        for (int round = 0; round < MAX_ROUNDS && opened < count && System.nanoTime() < deadline; round++) {
            opened += openOnce(server, count - opened, pipe, pathForClient, deadline);
        }
        return opened;
    }

    private int openOnce(InetSocketAddress server, int count, String pipe, Supplier<String> pathForClient,
                         long deadline) throws InterruptedException {
        Semaphore pending = new Semaphore(MAX_PENDING);
        AtomicInteger ok = new AtomicInteger();
        ConnectionEvents events = new ConnectionEvents() {
            @Override
            public void upgraded(Channel channel) {
                open.add(channel);
                upgraded.incrementAndGet();
                ok.incrementAndGet();
                channel.attr(PERMIT).get().run();
            }

            @Override
            public void failed(Throwable cause) {
                LoadClients.this.failed.incrementAndGet();
                lastFailure.set(cause);
            }

            @Override
            public void closed(Channel channel) {
                // the group forgets closed channels itself
            }
        };
        Bootstrap bootstrap = new Bootstrap().group(loops).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast("upgrade", new UpgradeResponseDecoder());
                        ch.pipeline().addLast("ws-encoder", new WebSocket08FrameEncoder(true));
                        ch.pipeline().addLast("subscriber", new SubscriberHandler(pipe, deliveries, events));
                    }
                });
        String host = server.getAddress().getHostAddress();
        for (int i = 0; i < count; i++) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !pending.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                break;
            }
            ChannelFuture connect = bootstrap.connect(server, nextSourceAddress());
            byte[] request = UpgradeRequest.bytes(host, server.getPort(), pathForClient.get());
            connect.addListener(f -> {
                if (f.isSuccess()) {
                    Channel ch = connect.channel();
                    AtomicBoolean held = new AtomicBoolean(true);
                    Runnable giveBack = () -> {
                        if (held.compareAndSet(true, false)) {
                            pending.release();
                        }
                    };
                    ch.attr(PERMIT).set(giveBack);
                    // a connection that never upgrades gives its permit back when it closes
                    ch.closeFuture().addListener(c -> giveBack.run());
                    ch.writeAndFlush(Unpooled.wrappedBuffer(request));
                } else {
                    events.failed(f.cause());
                    pending.release();
                }
            });
        }
        // every permit back = nothing in flight any more
        long left = deadline - System.nanoTime();
        if (left > 0 && pending.tryAcquire(MAX_PENDING, left, TimeUnit.NANOSECONDS)) {
            pending.release(MAX_PENDING);
        }
        return ok.get();
    }

    private InetSocketAddress nextSourceAddress() {
        int source = 2 + (nextSource++ % sourceAddresses);
        return new InetSocketAddress("127.0.0." + source, 0);
    }

    /** Closes every client connection and waits (bounded) until they are closed. */
    public void closeConnections() {
        open.close().awaitUninterruptibly(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        closeConnections();
        loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    }
}

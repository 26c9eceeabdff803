package org.spectrumcomet.comet.cometql;

import io.netty.channel.nio.NioEventLoopGroup;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.spectrumcomet.comet.engine.CometEngine;
import org.spectrumcomet.comet.engine.local.ConfiguredTenants;
import org.spectrumcomet.comet.engine.local.LocalCometEngine;
import org.spectrumcomet.comet.store.MemoryStore;

/** A CometQL listener on 127.0.0.1:0 in front of the real in-memory engine, for tests. */
final class CometQlServer implements AutoCloseable {
    static final String ROOT_KEY = "rootSecret";
    static final String TENANT15_KEY = "fifteen-key";

    final CometEngine engine;
    final CometQlListener listener;
    private final NioEventLoopGroup boss = new NioEventLoopGroup(1);
    private final NioEventLoopGroup workers = new NioEventLoopGroup(2);
    private final ExecutorService statements = Executors.newFixedThreadPool(4);

    CometQlServer() throws InterruptedException {
        this(CometQlSettings.defaults(new InetSocketAddress("127.0.0.1", 0)));
    }

    CometQlServer(CometQlSettings settings) throws InterruptedException {
        engine = new LocalCometEngine(new ConfiguredTenants(Map.of("0", ROOT_KEY, "15", TENANT15_KEY)),
                new MemoryStore());
        listener = CometQlListener.start(settings, engine, boss, workers, statements);
    }

    static CometQlSettings settings(int maxConnections, Duration idle, int maxPacket) {
        return new CometQlSettings(new InetSocketAddress("127.0.0.1", 0), maxConnections, idle, maxPacket);
    }

    int port() {
        return listener.localAddress().getPort();
    }

    @Override
    public void close() {
        listener.close();
        statements.shutdownNow();
        boss.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
        engine.close();
    }
}

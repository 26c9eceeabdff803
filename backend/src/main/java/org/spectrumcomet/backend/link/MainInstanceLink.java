package org.spectrumcomet.backend.link;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.flush.FlushConsolidationHandler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectrumcomet.backend.outbound.BackendFeatures;
import org.spectrumcomet.protocol.SpectrumCodec;
import org.spectrumcomet.protocol.SpectrumMessage;

/**
 * Connects to the main instance and runs the link until it ends.
 *
 * <p>Connecting is retried a bounded number of times (Spectrum starts listening before it spawns
 * the first backend, so a refusal is rare and short); when every attempt fails,
 * {@link MainInstanceUnreachableException} carries one line for stderr.
 */
public final class MainInstanceLink {

    private static final Logger LOG = LoggerFactory.getLogger(MainInstanceLink.class);

    /** Everything the link needs besides the address. */
    public record Settings(BackendFeatures features, Duration pingTimeout, int maxInboundFrame,
                           int connectAttempts, Duration connectRetryDelay) {
    }

    private final Channel channel;
    private final CompletableFuture<LinkEnd> ended;

    private MainInstanceLink(Channel channel, CompletableFuture<LinkEnd> ended) {
        this.channel = channel;
        this.ended = ended;
    }

    /**
     * Connects (blocking the caller, never an event loop) and starts the link.
     *
     * @param gate attached to the channel once connected
     * @param dispatcher receives every frame except PING and EXIT, on the event loop
     */
    public static MainInstanceLink connect(EventLoopGroup group, String host, int port, Settings settings,
                                           OutboundGate gate, Consumer<SpectrumMessage> dispatcher)
            throws MainInstanceUnreachableException, InterruptedException {
        return connect(group, host, port, settings, gate, dispatcher, LinkObserver.NONE);
    }

    /** As {@link #connect(EventLoopGroup, String, int, Settings, OutboundGate, Consumer)}, reporting to {@code observer}. */
    public static MainInstanceLink connect(EventLoopGroup group, String host, int port, Settings settings,
                                           OutboundGate gate, Consumer<SpectrumMessage> dispatcher,
                                           LinkObserver observer)
            throws MainInstanceUnreachableException, InterruptedException {
        CompletableFuture<LinkEnd> ended = new CompletableFuture<>();
        ProcessStats stats = new ProcessStats();
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2000)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        gate.attach(ch);
                        // Worker frames arrive in bursts through the gate's OutboundQueue, one flush per
                        // burst. PONG + STATS, written while a read is in progress, are flushed once at
                        // the end of that read batch instead of one syscall per PING.
                        ch.config().setWriteBufferWaterMark(new WriteBufferWaterMark(32 * 1024, 64 * 1024));
                        ch.pipeline().addLast("flush-consolidation",
                                new FlushConsolidationHandler(FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, false));
                        SpectrumCodec.install(ch.pipeline(), settings.maxInboundFrame(), false);
                        ch.pipeline().addLast("spectrum-link", new LinkHandler(settings.features(), stats,
                                settings.pingTimeout(), dispatcher, ended::complete, observer));
                    }
                });
        Throwable last = null;
        for (int attempt = 1; attempt <= settings.connectAttempts(); attempt++) {
            ChannelFuture future = bootstrap.connect(host, port).await();
            if (future.isSuccess()) {
                return new MainInstanceLink(future.channel(), ended);
            }
            last = future.cause();
            LOG.debug("connection attempt {}/{} to {}:{} failed: {}", attempt, settings.connectAttempts(), host, port, last.toString());
            if (attempt < settings.connectAttempts()) {
                Thread.sleep(settings.connectRetryDelay().toMillis());
            }
        }
        throw new MainInstanceUnreachableException("cannot connect to the Spectrum main instance at " + host + ":" + port
                + " after " + settings.connectAttempts() + " attempts: " + (last == null ? "?" : last.getMessage()), last);
    }

    /** Completes when the link ends, with the reason. */
    public CompletableFuture<LinkEnd> ended() {
        return ended;
    }

    /** Closes the link from this side. */
    public void close() {
        ended.complete(LinkEnd.CLOSED_LOCALLY);
        channel.close();
    }
}

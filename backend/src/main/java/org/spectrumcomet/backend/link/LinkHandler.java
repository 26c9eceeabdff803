package org.spectrumcomet.backend.link;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectrumcomet.backend.outbound.BackendFeatures;
import org.spectrumcomet.protocol.FrameTooLargeException;
import org.spectrumcomet.protocol.SpectrumMessage;
import org.spectrumcomet.protocol.pb.Protocol;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/**
 * The link's behaviour on its event loop (spec §3–§4):
 * <ul>
 *   <li>on connect: BACKEND_CONFIG before anything else, and the ping watchdog starts;</li>
 *   <li>PING: PONG then STATS in one flush, here and now — never behind a handler, so a stuck
 *       handler cannot make the main think the backend died; the watchdog restarts;</li>
 *   <li>EXIT, EOF, a frame over the size cap, no PING within the timeout, or a VM error such as
 *       OutOfMemoryError (exit code 1, never a clean-looking EOF): the link ends;</li>
 *   <li>everything else goes to the dispatcher, which must not block (it queues for workers).</li>
 * </ul>
 */
public final class LinkHandler extends SimpleChannelInboundHandler<SpectrumMessage> {

    private static final Logger LOG = LoggerFactory.getLogger(LinkHandler.class);

    private final BackendFeatures features;
    private final ProcessStats stats;
    private final Duration pingTimeout;
    private final Consumer<SpectrumMessage> dispatcher;
    private final Consumer<LinkEnd> onEnd;
    private final LinkObserver observer;
    private ScheduledFuture<?> watchdog;
    private boolean ended;

    public LinkHandler(BackendFeatures features, ProcessStats stats, Duration pingTimeout,
                       Consumer<SpectrumMessage> dispatcher, Consumer<LinkEnd> onEnd) {
        this(features, stats, pingTimeout, dispatcher, onEnd, LinkObserver.NONE);
    }

    /** Also reports frames, PING answers and the link's state to {@code observer}. */
    public LinkHandler(BackendFeatures features, ProcessStats stats, Duration pingTimeout,
                       Consumer<SpectrumMessage> dispatcher, Consumer<LinkEnd> onEnd, LinkObserver observer) {
        this.observer = observer;
        this.features = features;
        this.stats = stats;
        this.pingTimeout = pingTimeout;
        this.dispatcher = dispatcher;
        this.onEnd = onEnd;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        String config = features.toConfigText();
        ctx.writeAndFlush(SpectrumMessage.of(Type.TYPE_BACKEND_CONFIG,
                Protocol.BackendConfig.newBuilder().setConfig(config).build()));
        LOG.info("connected to the main instance at {}; sent BACKEND_CONFIG {}", ctx.channel().remoteAddress(), features);
        armWatchdog(ctx);
        observer.linkUp();
        ctx.fireChannelActive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, SpectrumMessage msg) {
        observer.frameReceived(msg.type());
        switch (msg.type()) {
            case TYPE_PING -> {
                long read = System.nanoTime();
                armWatchdog(ctx);
                ctx.write(SpectrumMessage.of(Type.TYPE_PONG)).addListener(written -> {
                    if (written.isSuccess()) {
                        observer.pingAnswered(System.nanoTime() - read);
                    }
                });
                ctx.writeAndFlush(SpectrumMessage.of(Type.TYPE_STATS, stats.sample()));
            }
            case TYPE_EXIT -> {
                LOG.info("the main instance sent EXIT");
                end(ctx, LinkEnd.EXIT);
            }
            default -> dispatcher.accept(msg);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (!ended) {
            LOG.info("the main instance closed the connection");
        }
        end(ctx, LinkEnd.EOF);
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof FrameTooLargeException || cause.getCause() instanceof FrameTooLargeException) {
            LOG.error("the main instance sent an oversized frame, closing the link: {}", cause.getMessage());
            end(ctx, LinkEnd.PROTOCOL_ERROR);
        } else if (cause instanceof Error) {
            LOG.error("the link to the main instance hit a VM error, ending the process", cause);
            end(ctx, LinkEnd.INTERNAL_ERROR);
        } else {
            LOG.warn("link to the main instance failed: {}", cause.toString());
            end(ctx, LinkEnd.EOF);
        }
    }

    private void armWatchdog(ChannelHandlerContext ctx) {
        if (watchdog != null) {
            watchdog.cancel(false);
        }
        watchdog = ctx.executor().schedule(() -> {
            LOG.error("no PING from the main instance for {} ms, giving up the link", pingTimeout.toMillis());
            end(ctx, LinkEnd.PING_TIMEOUT);
        }, pingTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void end(ChannelHandlerContext ctx, LinkEnd reason) {
        if (ended) {
            return;
        }
        ended = true;
        if (watchdog != null) {
            watchdog.cancel(false);
        }
        observer.linkDown();
        onEnd.accept(reason);
        ctx.close();
    }
}

package org.spectrumcomet.comet.ws;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.spectrumcomet.comet.engine.CometEngine;
import org.spectrumcomet.comet.http.ChatApi;
import org.spectrumcomet.comet.http.CometApi;
import org.spectrumcomet.comet.http.HttpReplies;
import org.spectrumcomet.comet.http.SiteResponder;
import org.spectrumcomet.comet.http.World;
import org.spectrumcomet.comet.metrics.CometMetrics;
import org.spectrumcomet.comet.metrics.OperatorEndpoints;

/**
 * Builds the pipeline shared by the WebSocket and the HTTP API binds (see the package
 * documentation for its shape). HTTP request line and headers are bounded by the codec's
 * defaults (4 KiB line, 8 KiB headers), bodies by {@link #MAX_BODY_BYTES} (413 with a JSON error).
 */
final class WebChannelInitializer extends ChannelInitializer<SocketChannel> {

    static final String IDLE = "idle";
    /** Largest HTTP request body accepted (JSON API calls). */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final WebSettings settings;
    private final ConnectionLimit limit;
    private final ChannelGroup channels;
    private final ExecutorService blocking;
    private final WebSocketUpgrade upgrade;
    private final CometApi api;
    private final SiteResponder site;
    private final OperatorEndpoints endpoints;

    WebChannelInitializer(WebSettings settings, CometEngine engine, ExecutorService blocking,
                          ChannelGroup channels, String server, String node, CometMetrics metrics,
                          OperatorEndpoints endpoints) {
        this.endpoints = endpoints;
        this.settings = settings;
        this.limit = new ConnectionLimit(settings.maxConnections());
        this.channels = channels;
        this.blocking = blocking;
        World world = new World();
        this.upgrade = new WebSocketUpgrade(engine, world, blocking, settings, server, metrics);
        this.api = new CometApi(engine, world, metrics);
        this.site = new SiteResponder(node, server, new ChatApi(engine, metrics));
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        channels.add(ch);
        ch.pipeline()
                .addLast(limit)
                .addLast(new HttpServerCodec())
                .addLast(new BoundedAggregator())
                .addLast(IDLE, new IdleStateHandler(0, 0, settings.idleTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .addLast(new HttpRouter(upgrade, api, site, endpoints, blocking));
    }

    /** The aggregator, answering an oversized body with a JSON 413 instead of an empty one. */
    private static final class BoundedAggregator extends HttpObjectAggregator {
        BoundedAggregator() {
            super(MAX_BODY_BYTES);
        }

        @Override
        protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
            FullHttpResponse response = HttpReplies.error(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                    "request body above " + MAX_BODY_BYTES + " bytes");
            // Keep-alive: answer now and let the aggregator discard the rest of the body, so the
            // client is not reset while still sending it (closing with unread data sends RST).
            HttpReplies.send(ctx, HttpUtil.isKeepAlive(oversized), response, false);
        }
    }
}

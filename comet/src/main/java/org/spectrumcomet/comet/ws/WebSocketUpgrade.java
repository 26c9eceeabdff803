package org.spectrumcomet.comet.ws;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.spectrumcomet.comet.auth.UserKeyCheck;
import org.spectrumcomet.comet.engine.ClientInfo;
import org.spectrumcomet.comet.engine.CometEngine;
import org.spectrumcomet.comet.http.CometApi;
import org.spectrumcomet.comet.http.HttpReplies;
import org.spectrumcomet.comet.http.OrderedTasks;
import org.spectrumcomet.comet.http.SubscribeConnection;
import org.spectrumcomet.comet.http.SubscribeHandler;
import org.spectrumcomet.comet.http.World;
import org.spectrumcomet.comet.metrics.CometMetrics;
import org.spectrumcomet.comet.metrics.Protocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Performs the WebSocket handshake (version 13, no extensions) and rebuilds the pipeline for
 * either protocol. As CppComet, answers {@code Sec-WebSocket-Protocol: chat} whenever the request
 * named any subprotocol. A malformed CppComet URL still upgrades, then gets one error frame and a
 * close (what CppComet clients expect).
 */
final class WebSocketUpgrade {

    private static final Logger LOG = LoggerFactory.getLogger(WebSocketUpgrade.class);

    private final CometEngine engine;
    private final UserKeyCheck keys;
    private final CometCommands commands;
    private final World world;
    private final ExecutorService blocking;
    private final WebSocketDecoderConfig decoderConfig;
    private final int maxFrameBytes;
    private final Duration idleTimeout;
    private final String server;
    private final CometMetrics metrics;

    WebSocketUpgrade(CometEngine engine, World world, ExecutorService blocking, WebSettings settings, String server,
                     CometMetrics metrics) {
        this.engine = engine;
        this.metrics = metrics;
        this.keys = new UserKeyCheck(engine);
        this.commands = new CometCommands(engine, metrics);
        this.world = world;
        this.blocking = blocking;
        this.maxFrameBytes = settings.maxFrameBytes();
        this.idleTimeout = settings.idleTimeout();
        this.server = server;
        this.decoderConfig = WebSocketDecoderConfig.newBuilder().maxFramePayloadLength(maxFrameBytes)
                .allowExtensions(false).closeOnProtocolViolation(true).build();
    }

    void comet(ChannelHandlerContext ctx, FullHttpRequest request, String uri) {
        HttpHeaders headers = request.headers();
        if (headers.contains(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL)) {
            headers.set(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL, "chat");
        }
        CometUrl url;
        CometUrl.Invalid invalid = null;
        try {
            url = CometUrl.parse(uri);
        } catch (CometUrl.Invalid e) {
            invalid = e;
            url = new CometUrl("", 0, "0", 4, 0, "");
        }
        CometSocketConnection client = new CometSocketConnection(ctx.channel(), url, info(ctx, headers),
                metrics.delivery(Protocol.WEBSOCKET));
        OrderedTasks tasks = new OrderedTasks(blocking, ctx.channel().eventLoop());
        CometSocketHandler handler = new CometSocketHandler(client, engine, keys, commands, tasks, server);
        if (!handshake(ctx, request, "chat")) {
            return;
        }
        metrics.connections(Protocol.WEBSOCKET).track(ctx.channel());
        ChannelPipeline pipeline = ctx.pipeline();
        pipeline.remove(WebChannelInitializer.IDLE); // CppComet WebSockets have no heartbeat: no idle limit
        pipeline.addLast(new WebSocketFrameAggregator(maxFrameBytes), handler);
        pipeline.remove(ctx.handler());
        if (invalid != null) {
            LOG.info("bad comet URL {}: {}", uri, invalid.getMessage());
            client.fail(invalid.code(), invalid.getMessage());
        } else {
            handler.start();
        }
    }

    void subscribe(ChannelHandlerContext ctx, FullHttpRequest request) {
        SubscribeConnection connection = new SubscribeConnection(ctx.channel(), info(ctx, request.headers()),
                metrics.delivery(Protocol.JSON_API));
        SubscribeHandler handler = new SubscribeHandler(connection, request.headers().get(CometApi.TENANT_HEADER),
                engine, world, new OrderedTasks(blocking, ctx.channel().eventLoop()));
        if (!handshake(ctx, request, null)) {
            return;
        }
        metrics.connections(Protocol.JSON_API).track(ctx.channel());
        ChannelPipeline pipeline = ctx.pipeline();
        // The JSON API has heartbeats: a client silent for the idle timeout is gone.
        pipeline.replace(WebChannelInitializer.IDLE, WebChannelInitializer.IDLE,
                new IdleStateHandler(idleTimeout.toMillis(), idleTimeout.toMillis() / 2, 0, TimeUnit.MILLISECONDS));
        pipeline.addLast(new WebSocketFrameAggregator(maxFrameBytes), handler);
        pipeline.remove(ctx.handler());
    }

    private boolean handshake(ChannelHandlerContext ctx, FullHttpRequest request, String subprotocols) {
        String location = "ws://" + request.headers().get(HttpHeaderNames.HOST, "localhost") + request.uri();
        WebSocketServerHandshaker handshaker =
                new WebSocketServerHandshakerFactory(location, subprotocols, decoderConfig).newHandshaker(request);
        if (handshaker == null) {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
            return false;
        }
        try {
            handshaker.handshake(ctx.channel(), request);
            return true;
        } catch (WebSocketHandshakeException e) {
            HttpReplies.send(ctx, false, HttpReplies.error(HttpResponseStatus.BAD_REQUEST,
                    "bad WebSocket handshake: " + e.getMessage()), true);
            return false;
        }
    }

    private static ClientInfo info(ChannelHandlerContext ctx, HttpHeaders headers) {
        String ip = ctx.channel().remoteAddress() instanceof InetSocketAddress a ? a.getAddress().getHostAddress() : "";
        return new ClientInfo(headers.get(HttpHeaderNames.USER_AGENT, ""), ip,
                headers.get(HttpHeaderNames.ORIGIN, ""), headers.get(HttpHeaderNames.ACCEPT_LANGUAGE, ""));
    }
}

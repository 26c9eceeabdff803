package org.spectrumcomet.comet.ws;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.timeout.IdleStateEvent;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectrumcomet.comet.http.CometApi;
import org.spectrumcomet.comet.http.HttpReplies;
import org.spectrumcomet.comet.http.OrderedTasks;
import org.spectrumcomet.comet.http.SiteResponder;
import org.spectrumcomet.comet.metrics.OperatorEndpoints;

/**
 * Sends each HTTP request where it belongs: WebSocket upgrades on the CppComet paths and on
 * {@code /comet/Comet/Subscribe} to {@link WebSocketUpgrade}, {@code /comet/Comet/*} to the JSON
 * API, the rest to the small site responder. Closes idle HTTP connections and refuses
 * connections beyond the limit with 503.
 *
 * <p>A connection must deliver its first complete request within {@link #FIRST_REQUEST_TIMEOUT}
 * or it is closed: the idle timeout alone let a slowloris client, trickling one header byte at a
 * time, hold a connection (and a slot of {@code max_connections}) forever.
 */
final class HttpRouter extends SimpleChannelInboundHandler<FullHttpRequest> {

    static final String SUBSCRIBE = "/comet/Comet/Subscribe";
    static final Duration FIRST_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(HttpRouter.class);

    private final WebSocketUpgrade upgrade;
    private final CometApi api;
    private final SiteResponder site;
    private final OperatorEndpoints operator;
    private final ExecutorService blocking;
    private OrderedTasks tasks;
    private ScheduledFuture<?> firstRequest;

    HttpRouter(WebSocketUpgrade upgrade, CometApi api, SiteResponder site, OperatorEndpoints operator,
               ExecutorService blocking) {
        this.operator = operator;
        this.upgrade = upgrade;
        this.api = api;
        this.site = site;
        this.blocking = blocking;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        tasks = new OrderedTasks(blocking, ctx.channel().eventLoop());
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        firstRequest = ctx.executor().schedule(() -> {
            LOG.info("HTTP connection {}: no complete request within {} s, closing", ctx.channel().remoteAddress(),
                    FIRST_REQUEST_TIMEOUT.toSeconds());
            ctx.close();
        }, FIRST_REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancelFirstRequestDeadline();
        ctx.fireChannelInactive();
    }

    private void cancelFirstRequestDeadline() {
        if (firstRequest != null) {
            firstRequest.cancel(false);
            firstRequest = null;
        }
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        cancelFirstRequestDeadline();
        if (ConnectionLimit.over(ctx)) {
            HttpReplies.send(ctx, false, HttpReplies.error(HttpResponseStatus.SERVICE_UNAVAILABLE,
                    "too many connections"), true);
            return;
        }
        if (!request.decoderResult().isSuccess()) {
            HttpReplies.send(ctx, false, HttpReplies.error(HttpResponseStatus.BAD_REQUEST,
                    "bad HTTP request: " + request.decoderResult().cause()), true);
            return;
        }
        String uri = request.uri();
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        if (HttpMethod.OPTIONS.equals(request.method())) {
            site.answer(ctx, request, path);
        } else if (CometUrl.prefixOf(uri) != null) {
            if (requireUpgrade(ctx, request)) {
                upgrade.comet(ctx, request, uri);
            }
        } else if (path.equals(SUBSCRIBE)) {
            if (requireUpgrade(ctx, request)) {
                upgrade.subscribe(ctx, request);
            }
        } else if (path.startsWith(CometApi.PREFIX)) {
            api.answer(ctx, request, path, tasks);
        } else if (operator.answers(path)) {
            operator.answer(ctx, request, path, tasks);
        } else {
            site.answer(ctx, request, path, tasks);
        }
    }

    private static boolean requireUpgrade(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (HttpMethod.GET.equals(request.method())
                && request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
            return true;
        }
        HttpReplies.send(ctx, false, HttpReplies.error(HttpResponseStatus.BAD_REQUEST,
                "this path only accepts a WebSocket upgrade (GET with Upgrade: websocket)"), true);
        return false;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            ctx.close(); // an idle HTTP connection; WebSockets remove the idle handler
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}

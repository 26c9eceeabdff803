package org.spectrumcomet.comet.metrics;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.spectrumcomet.comet.http.HttpReplies;
import org.spectrumcomet.comet.http.OrderedTasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /metrics} (Prometheus text, {@value #CONTENT_TYPE}) and {@code GET /health} (JSON,
 * 200 when up, 503 when down) on the comet server's HTTP port. Both run in the connection's
 * {@link OrderedTasks} on the blocking executor: a scrape reads gauges that ask the store, the
 * health check asks it too, and neither may stall an event loop. Pipelined requests keep their order.
 */
public final class OperatorEndpoints {

    public static final String METRICS = "/metrics";
    public static final String HEALTH = "/health";
    /** The Prometheus text exposition format this endpoint serves. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final Logger LOG = LoggerFactory.getLogger(OperatorEndpoints.class);

    private final CometMetrics metrics;
    private final ServerHealth health;

    /** @param metrics null when metrics are off: {@code /metrics} answers 404 */
    public OperatorEndpoints(CometMetrics metrics, ServerHealth health) {
        this.metrics = metrics;
        this.health = health;
    }

    /** True for the paths this class answers. */
    public boolean answers(String path) {
        return path.equals(METRICS) || path.equals(HEALTH);
    }

    public void answer(ChannelHandlerContext ctx, FullHttpRequest request, String path, OrderedTasks tasks) {
        boolean keepAlive = HttpReplies.keepAlive(request);
        if (!HttpMethod.GET.equals(request.method()) && !HttpMethod.HEAD.equals(request.method())) {
            FullHttpResponse refused = HttpReplies.error(HttpResponseStatus.METHOD_NOT_ALLOWED, path + " needs GET");
            refused.headers().set(HttpHeaderNames.ALLOW, "GET, HEAD");
            HttpReplies.send(ctx, keepAlive, refused, false);
            return;
        }
        if (!tasks.submit(() -> HttpReplies.send(ctx, keepAlive, run(path), false))) {
            HttpReplies.send(ctx, false, HttpReplies.error(HttpResponseStatus.SERVICE_UNAVAILABLE,
                    "too many pipelined requests"), true);
        }
    }

    private FullHttpResponse run(String path) {
        try {
            if (path.equals(HEALTH)) {
                ServerHealth.Report report = health.report();
                return HttpReplies.json(report.up() ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE,
                        report.json());
            }
            if (metrics == null) {
                return HttpReplies.error(HttpResponseStatus.NOT_FOUND, "metrics are off on this server");
            }
            return HttpReplies.text(HttpResponseStatus.OK, CONTENT_TYPE, metrics.scrape());
        } catch (RuntimeException e) {
            LOG.warn("{} failed", path, e);
            return HttpReplies.error(HttpResponseStatus.INTERNAL_SERVER_ERROR, path + " failed: " + e.getMessage());
        }
    }
}

package org.spectrumcomet.comet.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.spectrumcomet.comet.auth.ServerToken;
import org.spectrumcomet.comet.engine.CometEngine;
import org.spectrumcomet.comet.metrics.CometMetrics;
import org.spectrumcomet.comet.metrics.ErrorMeter;
import org.spectrumcomet.comet.metrics.Protocol;
import org.spectrumcomet.comet.store.CometStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of the JSON comet API (spec Part IV): {@code POST /comet/Comet/Publish},
 * {@code /Broadcast}, {@code /DumpSession}.
 *
 * <p>Auth: {@code Authorization: Bearer <token>}, where the token is the tenant key or a JWT
 * signed with it ({@link ServerToken}); the tenant is the {@code X-Comet-Tenant: <dev_id>} header
 * (default {@code 0}). Answers: 200 with an empty body (DumpSession: its JSON), else
 * 400 (bad JSON or fields), 401 (token or tenant), 404 (no such call), 405 (not POST),
 * 413 (body above the aggregator bound), 503 (Publish to an offline user whose queue is full,
 * too many pipelined requests, or a shared store that is unreachable), all with {@code {"error":"..."}}.
 *
 * <p>The body is parsed on the event loop; the tenant check and the engine call run in the
 * connection's {@link OrderedTasks}, so pipelined requests are answered in order.
 */
public final class CometApi {

    public static final String PREFIX = "/comet/Comet/";
    public static final String TENANT_HEADER = "X-Comet-Tenant";
    private static final Logger LOG = LoggerFactory.getLogger(CometApi.class);

    private final CometEngine engine;
    private final CometApiCalls calls;
    private final ErrorMeter.ProtocolErrors errors;

    public CometApi(CometEngine engine, World world) {
        this(engine, world, CometMetrics.unscraped());
    }

    public CometApi(CometEngine engine, World world, CometMetrics metrics) {
        this.engine = engine;
        this.calls = new CometApiCalls(engine, world, metrics);
        this.errors = metrics.errors(Protocol.JSON_API);
    }

    /** Sends an answer, counting a status of 400 and above in {@code comet_errors_total}. */
    private void send(ChannelHandlerContext ctx, boolean keepAlive, FullHttpResponse response, boolean close) {
        if (response.status().code() >= 400) {
            errors.sent(response.status().code());
        }
        HttpReplies.send(ctx, keepAlive, response, close);
    }

    public void answer(ChannelHandlerContext ctx, FullHttpRequest request, String path, OrderedTasks tasks) {
        boolean keepAlive = HttpReplies.keepAlive(request);
        String call = path.substring(PREFIX.length());
        if (!CometApiCalls.NAMES.contains(call)) {
            send(ctx, keepAlive, HttpReplies.error(HttpResponseStatus.NOT_FOUND, "no such call: " + call), false);
            return;
        }
        if (!HttpMethod.POST.equals(request.method())) {
            FullHttpResponse response = HttpReplies.error(HttpResponseStatus.METHOD_NOT_ALLOWED, call + " needs POST");
            response.headers().set(HttpHeaderNames.ALLOW, "POST, OPTIONS");
            send(ctx, keepAlive, response, false);
            return;
        }
        JsonNode body;
        try {
            String text = request.content().toString(StandardCharsets.UTF_8);
            body = text.isBlank() ? NullNode.getInstance() : HttpReplies.JSON.readTree(text);
        } catch (JsonProcessingException e) {
            send(ctx, keepAlive, HttpReplies.error(HttpResponseStatus.BAD_REQUEST,
                    "body is not JSON: " + e.getOriginalMessage()), false);
            return;
        }
        String tenant = Optional.ofNullable(request.headers().get(TENANT_HEADER)).map(String::strip).orElse("0");
        String token = bearer(request.headers().get(HttpHeaderNames.AUTHORIZATION));
        boolean queued = tasks.submit(() -> send(ctx, keepAlive, run(call, tenant, token, body), false));
        if (!queued) {
            send(ctx, false, HttpReplies.error(HttpResponseStatus.SERVICE_UNAVAILABLE,
                    "too many pipelined requests"), true);
        }
    }

    private FullHttpResponse run(String call, String tenant, String token, JsonNode body) {
        Optional<String> refusal = ServerToken.refusal(engine.tenants().key(tenant), tenant, token);
        if (refusal.isPresent()) {
            LOG.info("JSON API {} for tenant {} refused: {}", call, tenant, refusal.get());
            return HttpReplies.error(HttpResponseStatus.UNAUTHORIZED, refusal.get());
        }
        try {
            String answer = calls.run(call, tenant, body);
            return answer.isEmpty() ? HttpReplies.text(HttpResponseStatus.OK, "", "")
                    : HttpReplies.json(HttpResponseStatus.OK, answer);
        } catch (CometApiCalls.QueueFull e) {
            return HttpReplies.error(HttpResponseStatus.SERVICE_UNAVAILABLE, e.getMessage());
        } catch (CometApiCalls.BadRequest e) {
            return HttpReplies.error(HttpResponseStatus.BAD_REQUEST, e.getMessage());
        } catch (CometStoreException e) {
            LOG.error("JSON API {} for tenant {} refused by the store: {}", call, tenant, e.getMessage());
            // Unreachable (Redis away) is temporary: 503 tells the caller to retry, 500 would not.
            return HttpReplies.error(e.isUnreachable() ? HttpResponseStatus.SERVICE_UNAVAILABLE
                    : HttpResponseStatus.INTERNAL_SERVER_ERROR, e.clientMessage());
        } catch (RuntimeException e) {
            LOG.warn("JSON API {} for tenant {} failed", call, tenant, e);
            return HttpReplies.error(HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal error: " + e.getMessage());
        }
    }

    private static String bearer(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return "";
        }
        return header.substring(7).strip();
    }
}

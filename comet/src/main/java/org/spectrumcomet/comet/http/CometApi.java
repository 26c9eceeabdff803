package org.spectrumcomet.comet.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Optional;
import org.spectrumcomet.comet.auth.ServerToken;
import org.spectrumcomet.comet.engine.CometEngine;
import org.spectrumcomet.comet.metrics.CometMetrics;
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
    private final JsonCalls front;

    public CometApi(CometEngine engine, World world) {
        this(engine, world, CometMetrics.unscraped());
    }

    public CometApi(CometEngine engine, World world, CometMetrics metrics) {
        this.engine = engine;
        this.calls = new CometApiCalls(engine, world, metrics);
        this.front = new JsonCalls(CometApiCalls.NAMES, "POST, OPTIONS", metrics.errors(Protocol.JSON_API));
    }

    public void answer(ChannelHandlerContext ctx, FullHttpRequest request, String path, OrderedTasks tasks) {
        front.accept(ctx, request, path.substring(PREFIX.length())).ifPresent(call ->
                front.submit(ctx, tasks, call, () -> run(call.name(), call.tenant(), call.token(), call.body())));
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
}

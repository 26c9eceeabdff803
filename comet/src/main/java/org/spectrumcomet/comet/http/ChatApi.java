package org.spectrumcomet.comet.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Optional;
import org.spectrumcomet.comet.auth.UserKeyCheck;
import org.spectrumcomet.comet.engine.CometEngine;
import org.spectrumcomet.comet.metrics.CometMetrics;
import org.spectrumcomet.comet.metrics.Protocol;
import org.spectrumcomet.comet.store.CometStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chat page's site endpoint, {@code POST /chat/api/<call>} ({@link ChatCalls} says what each
 * call does): what a CppComet site's own server does for its pages with CometQL, since a browser
 * cannot write to a user or a non-{@code web_} pipe over the WebSocket protocol.
 *
 * <p>Auth is the WebSocket's: {@code Authorization: Bearer <user key>} — the users_auth key, an
 * HMAC key or a JWT — with {@code X-Comet-User: <id>} (optional for a JWT, which names its user) and
 * {@code X-Comet-Tenant: <dev_id>} (default 0), checked by {@link UserKeyCheck}. Answers are JSON:
 * 200, or {@code {"error":"..."}} with 400 (bad JSON or fields), 401 (key), 404 (no such call),
 * 405 (not POST), 413 (message body above {@link ChatCalls#MAX_BODY_BYTES}; the listener's
 * aggregator answers 413 for larger requests), 503 (offline user's queue full, store unreachable,
 * too many pipelined requests).
 *
 * <p>The body is parsed on the event loop; the key check and the engine call run in the
 * connection's {@link OrderedTasks} (they may block on the store).
 */
public final class ChatApi {

    public static final String PREFIX = StaticPages.PREFIX + "api/";
    public static final String USER_HEADER = "X-Comet-User";
    private static final Logger LOG = LoggerFactory.getLogger(ChatApi.class);

    private final CometEngine engine;
    private final UserKeyCheck keys;
    private final ChatCalls calls;
    private final JsonCalls front;

    public ChatApi(CometEngine engine) {
        this(engine, CometMetrics.unscraped());
    }

    public ChatApi(CometEngine engine, CometMetrics metrics) {
        this.engine = engine;
        this.keys = new UserKeyCheck(engine);
        this.calls = new ChatCalls(engine, metrics);
        this.front = new JsonCalls(ChatCalls.NAMES, "POST", metrics.errors(Protocol.CHAT_PAGE));
    }

    public void answer(ChannelHandlerContext ctx, FullHttpRequest request, String path, OrderedTasks tasks) {
        String user = Optional.ofNullable(request.headers().get(USER_HEADER)).map(String::strip).orElse("");
        front.accept(ctx, request, path.substring(PREFIX.length())).ifPresent(call ->
                front.submit(ctx, tasks, call, () -> {
                    FullHttpResponse response = run(call.name(), call.tenant(), user, call.token(), call.body());
                    response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store"); // per-user answers
                    return response;
                }));
    }

    private FullHttpResponse run(String call, String tenant, String user, String key, JsonNode body) {
        try {
            if (!user.isEmpty() && !user.matches("[0-9]{1,9}")) {
                return HttpReplies.error(HttpResponseStatus.BAD_REQUEST, USER_HEADER + " must be a user id");
            }
            if (engine.tenants().key(tenant).isEmpty()) {
                return HttpReplies.error(HttpResponseStatus.UNAUTHORIZED, "unknown tenant " + tenant);
            }
            UserKeyCheck.Verdict verdict = keys.identify(tenant, key, user.isEmpty() ? 0 : Long.parseLong(user));
            if (!verdict.authorized()) {
                LOG.info("chat page {} for tenant {} user {} refused: {}", call, tenant, user, verdict.how());
                return HttpReplies.error(HttpResponseStatus.UNAUTHORIZED, "bad user id or key: " + verdict.how());
            }
            return HttpReplies.json(HttpResponseStatus.OK,
                    calls.run(call, new ChatCalls.Caller(tenant, verdict.userId()), body));
        } catch (ChatCalls.TooLarge e) {
            return HttpReplies.error(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, e.getMessage());
        } catch (CometApiCalls.QueueFull e) {
            return HttpReplies.error(HttpResponseStatus.SERVICE_UNAVAILABLE, e.getMessage());
        } catch (CometApiCalls.BadRequest e) {
            return HttpReplies.error(HttpResponseStatus.BAD_REQUEST, e.getMessage());
        } catch (CometStoreException e) {
            LOG.error("chat page {} for tenant {} user {} refused by the store: {}", call, tenant, user, e.getMessage());
            return HttpReplies.error(e.isUnreachable() ? HttpResponseStatus.SERVICE_UNAVAILABLE
                    : HttpResponseStatus.INTERNAL_SERVER_ERROR, e.clientMessage());
        } catch (RuntimeException e) {
            LOG.warn("chat page {} for tenant {} user {} failed", call, tenant, user, e);
            return HttpReplies.error(HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal error: " + e.getMessage());
        }
    }
}

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
import java.util.Set;
import java.util.function.Supplier;
import org.spectrumcomet.comet.metrics.ErrorMeter;

/**
 * What the JSON POST endpoints (the JSON comet API, the chat page's site calls) do around a call:
 * check its name, the method and the JSON body on the event loop, run it in the connection's
 * {@link OrderedTasks} (so pipelined requests are answered in order; 503 and close when too many
 * wait), and count every answer of 400 and above in {@code comet_errors_total}.
 */
final class JsonCalls {

    private final Set<String> names;
    private final String allow;
    private final ErrorMeter.ProtocolErrors errors;

    /**
     * @param names  the calls this endpoint knows
     * @param allow  the {@code Allow} header of a 405
     * @param errors where refusals are counted
     */
    JsonCalls(Set<String> names, String allow, ErrorMeter.ProtocolErrors errors) {
        this.names = Set.copyOf(names);
        this.allow = allow;
        this.errors = errors;
    }

    /**
     * A call that passed the checks: its name, its request's keep-alive, its body ({@link NullNode}
     * for an empty one), the {@code X-Comet-Tenant} header (default "0") and the bearer token ("" if none).
     */
    record Call(String name, boolean keepAlive, JsonNode body, String tenant, String token) {
    }

    /** The call, or empty when it was refused (404, 405, bad JSON), which has been answered then. */
    Optional<Call> accept(ChannelHandlerContext ctx, FullHttpRequest request, String name) {
        boolean keepAlive = HttpReplies.keepAlive(request);
        if (!names.contains(name)) {
            send(ctx, keepAlive, HttpReplies.error(HttpResponseStatus.NOT_FOUND, "no such call: " + name), false);
            return Optional.empty();
        }
        if (!HttpMethod.POST.equals(request.method())) {
            FullHttpResponse response = HttpReplies.error(HttpResponseStatus.METHOD_NOT_ALLOWED, name + " needs POST");
            response.headers().set(HttpHeaderNames.ALLOW, allow);
            send(ctx, keepAlive, response, false);
            return Optional.empty();
        }
        JsonNode body;
        try {
            String text = request.content().toString(StandardCharsets.UTF_8);
            body = text.isBlank() ? NullNode.getInstance() : HttpReplies.JSON.readTree(text);
        } catch (JsonProcessingException e) {
            send(ctx, keepAlive, HttpReplies.error(HttpResponseStatus.BAD_REQUEST,
                    "body is not JSON: " + e.getOriginalMessage()), false);
            return Optional.empty();
        }
        String tenant = Optional.ofNullable(request.headers().get(CometApi.TENANT_HEADER)).map(String::strip)
                .orElse("0");
        return Optional.of(new Call(name, keepAlive, body, tenant,
                bearer(request.headers().get(HttpHeaderNames.AUTHORIZATION))));
    }

    /** Runs {@code answer} in the connection's ordered tasks and sends what it returns. */
    void submit(ChannelHandlerContext ctx, OrderedTasks tasks, Call call, Supplier<FullHttpResponse> answer) {
        boolean queued = tasks.submit(() -> send(ctx, call.keepAlive(), answer.get(), false));
        if (!queued) {
            send(ctx, false, HttpReplies.error(HttpResponseStatus.SERVICE_UNAVAILABLE,
                    "too many pipelined requests"), true);
        }
    }

    /** Sends an answer, counting a status of 400 and above in {@code comet_errors_total}. */
    void send(ChannelHandlerContext ctx, boolean keepAlive, FullHttpResponse response, boolean close) {
        if (response.status().code() >= 400) {
            errors.sent(response.status().code());
        }
        HttpReplies.send(ctx, keepAlive, response, close);
    }

    private static String bearer(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return "";
        }
        return header.substring(7).strip();
    }
}

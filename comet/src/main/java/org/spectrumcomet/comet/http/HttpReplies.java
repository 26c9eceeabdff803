package org.spectrumcomet.comet.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/** Builds and sends the HTTP answers of the ws port: JSON bodies, CORS, keep-alive. */
public final class HttpReplies {

    static final ObjectMapper JSON = new ObjectMapper();

    private HttpReplies() {
    }

    public static FullHttpResponse text(HttpResponseStatus status, String contentType, String body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        if (!body.isEmpty()) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        }
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        response.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        return response;
    }

    public static FullHttpResponse json(HttpResponseStatus status, String json) {
        return text(status, "application/json; charset=utf-8", json);
    }

    /** {@code {"error":"..."}} with the given status. */
    public static FullHttpResponse error(HttpResponseStatus status, String message) {
        return json(status, JsonNodeFactory.instance.objectNode().put("error", message).toString());
    }

    /**
     * Sends the answer; closes the connection afterwards unless the request asked for keep-alive
     * and {@code close} is false.
     */
    public static void send(ChannelHandlerContext ctx, boolean keepAlive, FullHttpResponse response, boolean close) {
        boolean keep = keepAlive && !close;
        if (keep) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        } else {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        var future = ctx.writeAndFlush(response);
        if (!keep) {
            future.addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** Whether the request keeps the connection open afterwards. */
    public static boolean keepAlive(io.netty.handler.codec.http.HttpMessage request) {
        return HttpUtil.isKeepAlive(request);
    }
}

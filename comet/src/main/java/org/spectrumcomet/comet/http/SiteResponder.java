package org.spectrumcomet.comet.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The tiny HTTP responder of the ws port (CppComet §I.4.7): {@code GET /} a small HTML page,
 * {@code GET /info} {@code {"status":"ok","node":"..."}}, {@code GET /favicon.ico} 204,
 * {@code OPTIONS} the CORS headers, the chat page's files under {@code /chat/} ({@link StaticPages})
 * and its site calls under {@code /chat/api/} ({@link ChatApi}), anything else 404 (POST elsewhere —
 * CppComet's old long-polling transport — gets 404 and the connection is closed).
 */
public final class SiteResponder {

    private final String node;
    private final String product;
    private final StaticPages pages = new StaticPages();
    private final ChatApi chat;

    /**
     * @param node this node's name, shown by {@code /info}
     * @param product product name and version shown on the home page
     */
    public SiteResponder(String node, String product) {
        this(node, product, null);
    }

    /** @param chat the chat page's site calls, or null to answer them 404 */
    public SiteResponder(String node, String product, ChatApi chat) {
        this.node = node;
        this.product = product;
        this.chat = chat;
    }

    /** {@link #answer(ChannelHandlerContext, FullHttpRequest, String)}, plus the chat page's site calls. */
    public void answer(ChannelHandlerContext ctx, FullHttpRequest request, String path, OrderedTasks tasks) {
        if (chat != null && path.startsWith(ChatApi.PREFIX) && !HttpMethod.OPTIONS.equals(request.method())) {
            chat.answer(ctx, request, path, tasks);
            return;
        }
        // Behind the connection's other tasks: a pipelined request after a call still running there
        // must be answered after it (HTTP/1.1 order), and its "Connection: close" must not cut that
        // answer off. Only the headers are needed: the body is dropped, nothing to release later.
        FullHttpRequest headersOnly = request.replace(Unpooled.EMPTY_BUFFER);
        if (!tasks.submit(() -> answer(ctx, headersOnly, path))) {
            HttpReplies.send(ctx, false, HttpReplies.error(HttpResponseStatus.SERVICE_UNAVAILABLE,
                    "too many pipelined requests"), true);
        }
    }

    public void answer(ChannelHandlerContext ctx, FullHttpRequest request, String path) {
        boolean keepAlive = HttpReplies.keepAlive(request);
        HttpMethod method = request.method();
        if (HttpMethod.OPTIONS.equals(method)) {
            HttpReplies.send(ctx, keepAlive, cors(), false);
        } else if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) {
            HttpReplies.send(ctx, keepAlive, get(request, path), false);
        } else {
            HttpReplies.send(ctx, keepAlive, HttpReplies.error(HttpResponseStatus.NOT_FOUND,
                    "no " + method + " " + path + " here"), true);
        }
    }

    private FullHttpResponse get(FullHttpRequest request, String path) {
        if (path.startsWith(StaticPages.PREFIX)) {
            return pages.get(path, HttpMethod.HEAD.equals(request.method()),
                    request.headers().get(HttpHeaderNames.IF_NONE_MATCH));
        }
        switch (path) {
            case "/chat": {
                FullHttpResponse moved = HttpReplies.text(HttpResponseStatus.MOVED_PERMANENTLY, "", "");
                moved.headers().set(HttpHeaderNames.LOCATION, StaticPages.PREFIX);
                return moved;
            }
            case "/":
            case "/index.html":
                return HttpReplies.text(HttpResponseStatus.OK, "text/html; charset=utf-8",
                        "<!DOCTYPE html><html><head><title>" + product + "</title></head><body><h1>"
                                + product + "</h1><p>WebSocket endpoint: /ws/ (CppComet protocol),"
                                + " /comet/Comet/Subscribe (JSON comet API).</p><p><a href=\"/chat/\">Web chat page</a></p></body></html>");
            case "/info":
                return HttpReplies.json(HttpResponseStatus.OK, JsonNodeFactory.instance.objectNode()
                        .put("status", "ok").put("node", node).toString());
            case "/favicon.ico":
                return HttpReplies.text(HttpResponseStatus.NO_CONTENT, "", "");
            default:
                return HttpReplies.error(HttpResponseStatus.NOT_FOUND, "no such page: " + path);
        }
    }

    private static FullHttpResponse cors() {
        FullHttpResponse response = HttpReplies.text(HttpResponseStatus.NO_CONTENT, "", "");
        response.headers()
                .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST, OPTIONS")
                .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS,
                        "Content-Type, Authorization, X-Comet-Tenant")
                .set(HttpHeaderNames.ACCESS_CONTROL_MAX_AGE, "86400");
        return response;
    }
}

package org.spectrumcomet.comet.http;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The web chat page's files under {@value #PREFIX}: {@code index.html}, {@code chat.css},
 * {@code chat.js} and the reusable {@code comet-client.js}, read once from the classpath
 * ({@value #RESOURCES}) when the server starts.
 *
 * <p>Only the names listed in {@link #FILES} exist: a request path is looked up as a whole in that
 * table, never joined to a directory, so {@code ..}, encoded dots or slashes cannot reach any
 * other file (they are simply unknown names, 404). Answers carry {@code Cache-Control: no-cache}
 * with an {@code ETag} (a browser revalidates and gets 304, so a new server version is picked up at
 * once), {@code X-Content-Type-Options: nosniff} and a Content-Security-Policy that allows scripts,
 * styles and connections to this server only: even a page bug that put message text into HTML could
 * not run it.
 */
public final class StaticPages {

    public static final String PREFIX = "/chat/";
    static final String RESOURCES = "/org/spectrumcomet/comet/web/";
    static final String CACHE_CONTROL = "no-cache";
    static final String SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
            + " connect-src 'self' ws: wss:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /** File name → Content-Type. */
    static final Map<String, String> FILES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "chat.css", "text/css; charset=utf-8",
            "chat.js", "text/javascript; charset=utf-8",
            "comet-client.js", "text/javascript; charset=utf-8");

    private record Page(byte[] bytes, String type, String etag) {
    }

    private final Map<String, Page> pages;

    /** @throws UncheckedIOException when a page is missing from the classpath (a broken build) */
    public StaticPages() {
        Map<String, Page> loaded = new java.util.HashMap<>();
        FILES.forEach((name, type) -> {
            byte[] bytes = read(name);
            loaded.put(name, new Page(bytes, type, etag(bytes)));
        });
        this.pages = Map.copyOf(loaded);
    }

    /**
     * The answer to {@code GET} (or {@code HEAD}: the same headers, no body) of {@code path}, which
     * starts with {@value #PREFIX}; {@code ifNoneMatch} is the request's header or null.
     */
    public FullHttpResponse get(String path, boolean head, String ifNoneMatch) {
        String name = path.substring(PREFIX.length());
        Page page = pages.get(name.isEmpty() ? "index.html" : name);
        if (page == null) {
            return HttpReplies.error(HttpResponseStatus.NOT_FOUND, "no such file: " + path);
        }
        boolean fresh = page.etag().equals(ifNoneMatch);
        HttpResponseStatus status = fresh ? HttpResponseStatus.NOT_MODIFIED : HttpResponseStatus.OK;
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                fresh || head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(page.bytes()));
        HttpHeaders headers = response.headers();
        headers.set(HttpHeaderNames.CONTENT_TYPE, page.type())
                .set(HttpHeaderNames.CACHE_CONTROL, CACHE_CONTROL)
                .set(HttpHeaderNames.ETAG, page.etag())
                .set("X-Content-Type-Options", "nosniff")
                .set("Content-Security-Policy", SECURITY_POLICY)
                .set("Referrer-Policy", "no-referrer");
        headers.setInt(HttpHeaderNames.CONTENT_LENGTH, fresh ? 0 : page.bytes().length);
        return response;
    }

    private static byte[] read(String name) {
        try (InputStream in = StaticPages.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("chat page file missing from the classpath: "
                        + RESOURCES + name));
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}

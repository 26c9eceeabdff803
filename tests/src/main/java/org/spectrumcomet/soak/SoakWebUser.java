package org.spectrumcomet.soak;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.ObjLongConsumer;
import org.spectrumcomet.conformance.comet.CometTarget;

/**
 * One web page's user for a soak: a JDK {@link WebSocket} speaking the CppComet protocol that keeps
 * nothing — every text frame goes to a callback with this user's id — so thousands of them fit in
 * one JVM ({@code conformance.comet.WebUser} keeps its frames for scenario checks instead). Sends
 * are chained, one at a time, as the JDK WebSocket requires.
 */
public final class SoakWebUser implements AutoCloseable {

    private final long id;
    private final ObjLongConsumer<String> frames;
    private final CompletableFuture<Boolean> authorized = new CompletableFuture<>();
    private CompletableFuture<WebSocket> sending;
    private volatile boolean closed;
    private WebSocket socket;

    private SoakWebUser(long id, ObjLongConsumer<String> frames) {
        this.id = id;
        this.frames = frames;
    }

    /**
     * Opens the socket; the future completes once serverInfo arrived and says {@code authorized:true}
     * (exceptionally when it says false, or the socket fails).
     */
    public static CompletableFuture<SoakWebUser> connect(HttpClient http, CometTarget target, long id, String key,
                                                         ObjLongConsumer<String> frames) {
        SoakWebUser user = new SoakWebUser(id, frames);
        String uuid = String.format("%032x", System.nanoTime() ^ (id << 20));
        return http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create(target.socketUrl(id, key, uuid)), user.new Listener())
                .thenCompose(ws -> {
                    synchronized (user) {
                        user.socket = ws;
                        user.sending = CompletableFuture.completedFuture(ws);
                    }
                    return user.authorized;
                })
                .thenApply(ok -> user)
                .orTimeout(20, TimeUnit.SECONDS);
    }

    public long id() {
        return id;
    }

    public boolean isClosed() {
        return closed;
    }

    /** Replaces the subscription set with {@code pipes}. */
    public CompletableFuture<WebSocket> subscribe(String... pipes) {
        return send("subscription\n" + String.join("\n", pipes));
    }

    /** Publishes {@code text} on a {@code web_} pipe as this user. */
    public CompletableFuture<WebSocket> publish(String pipe, String event, String text) {
        return send("web_pipe2\n" + pipe + "\n" + event + "\n*\n" + text);
    }

    private synchronized CompletableFuture<WebSocket> send(String command) {
        sending = sending.thenCompose(ws -> ws.sendText(command, true));
        return sending;
    }

    @Override
    public void close() {
        closed = true;
        WebSocket ws;
        synchronized (this) {
            ws = socket;
        }
        if (ws != null) {
            ws.abort();
        }
    }

    /** Hands each complete text frame over; the first serverInfo settles {@link #authorized}. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String frame = partial.toString();
                partial.setLength(0);
                if (!authorized.isDone() && frame.contains("serverInfo")) {
                    if (frame.contains("\"authorized\":true")) {
                        authorized.complete(true);
                    } else {
                        authorized.completeExceptionally(new IllegalStateException("web user " + id + " not authorized: " + frame));
                    }
                } else {
                    frames.accept(frame, id);
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            return onText(ws, new String(bytes, StandardCharsets.UTF_8), last);
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            closed = true;
            authorized.completeExceptionally(new IllegalStateException("web user " + id + ": closed " + status + " " + reason));
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed = true;
            authorized.completeExceptionally(error);
        }
    }
}

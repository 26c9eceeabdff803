package org.spectrumcomet.comet.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real JDK WebSocket client that records every text frame, pong and the close it got. */
public final class FrameClient implements WebSocket.Listener, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    public static final Duration WAIT = Duration.ofSeconds(5);

    public final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    /** Every text frame ever received, consumed or not. */
    public final java.util.List<String> all = new java.util.concurrent.CopyOnWriteArrayList<>();
    public final BlockingQueue<ByteBuffer> pongs = new LinkedBlockingQueue<>();
    public final CompletableFuture<String> closed = new CompletableFuture<>(); // "code reason"
    private final StringBuilder partial = new StringBuilder();
    public WebSocket socket;

    public static FrameClient open(HttpClient http, String uri) {
        return open(http.newWebSocketBuilder(), uri);
    }

    public static FrameClient open(WebSocket.Builder builder, String uri) {
        FrameClient client = new FrameClient();
        client.socket = builder.buildAsync(URI.create(uri), client).join();
        return client;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            frames.add(partial.toString());
            all.add(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
        pongs.add(message);
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode + " " + reason);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete("error " + error);
    }

    /** The next frame as JSON; fails after {@link #WAIT}. */
    public JsonNode next() throws Exception {
        String text = frames.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (text == null) {
            throw new AssertionError("no frame within " + WAIT);
        }
        return JSON.readTree(text);
    }

    /** The next raw frame text. */
    public String nextText() throws Exception {
        String text = frames.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (text == null) {
            throw new AssertionError("no frame within " + WAIT);
        }
        return text;
    }

    /** Skips frames until one matches. */
    public JsonNode until(Predicate<JsonNode> wanted) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            String text = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (text != null && wanted.test(JSON.readTree(text))) {
                return JSON.readTree(text);
            }
        }
        throw new AssertionError("no matching frame within " + WAIT);
    }

    /** Asserts that no frame arrives for a short while. */
    public void expectSilence(Duration quiet) throws Exception {
        String text = frames.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
        if (text != null) {
            throw new AssertionError("unexpected frame: " + text);
        }
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    public String closeCode() throws Exception {
        return closed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }
}

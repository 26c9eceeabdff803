package org.spectrumcomet.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A web page's comet connection, as {@code CometServerApi.js} opens it: a JDK {@link WebSocket}
 * on CppComet's URL, {@code subscription} commands, and JSON frames {@code {pipe, event, data}}
 * coming back. No automatic pings (CppComet closes a socket that pings).
 *
 * <p>Bounded: the first {@value #MAX_FRAMES} frames are kept for waits and the raw transcript;
 * later ones are dropped (the demo exchanges a dozen).
 */
final class WebUser implements WebSocket.Listener, Transcript.RawSource, AutoCloseable {

    static final int MAX_FRAMES = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String who;
    private final boolean recordRaw;
    private final List<JsonNode> frames = new ArrayList<>();
    private final List<Transcript.RawLine> raw = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;
    private boolean closed;

    private WebUser(DemoUser user, boolean recordRaw) {
        this.who = "web " + user.name();
        this.recordRaw = recordRaw;
    }

    /** Opens the socket; the server's first frame (serverInfo) arrives on its own. */
    static WebUser connect(DemoUser user, URI url, Duration timeout, Transcript transcript) throws DemoFailure {
        WebUser web = new WebUser(user, transcript.verbose());
        transcript.addRawSource(web);
        web.note("open " + url);
        try {
            web.socket = HttpClient.newBuilder().connectTimeout(timeout).build().newWebSocketBuilder()
                    .connectTimeout(timeout).buildAsync(url, web).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return web;
        } catch (ExecutionException | TimeoutException e) {
            throw new DemoFailure(web.who + ": WebSocket " + url + " did not open: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailure("interrupted while opening " + url, e);
        }
    }

    /** Replaces the socket's subscriptions (the server answers nothing on success). */
    void subscribe(String... pipes) throws DemoFailure {
        send("subscription\n" + String.join("\n", pipes));
    }

    /** Waits for a frame (kept since the socket opened) that matches; fails with {@code what} on timeout. */
    synchronized JsonNode await(Predicate<JsonNode> match, Duration timeout, String what) throws DemoFailure {
        long deadline = System.nanoTime() + timeout.toNanos();
        int scanned = 0;
        while (true) {
            for (; scanned < frames.size(); scanned++) {
                if (match.test(frames.get(scanned))) {
                    return frames.get(scanned);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || closed) {
                throw new DemoFailure(who + ": " + what + " did not arrive within " + timeout.toMillis() + " ms"
                        + (closed ? " (the socket closed)" : "") + "; frames seen: " + frames);
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DemoFailure("interrupted while waiting for " + what, e);
            }
        }
    }

    /** The body a frame's {@code data} carries: comet relays the inserted text as a JSON string. */
    static Optional<JsonNode> body(JsonNode frame) {
        JsonNode data = frame.path("data");
        if (!data.isTextual()) {
            return Optional.empty();
        }
        try {
            JsonNode body = JSON.readTree(data.asText());
            return body != null && body.isObject() ? Optional.of(body) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private void send(String text) throws DemoFailure {
        note("-> " + text.replace("\n", "\\n"));
        try {
            socket.sendText(text, true).get(5, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new DemoFailure(who + ": sending \"" + text.replace("\n", "\\n") + "\" failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailure("interrupted while sending", e);
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        synchronized (this) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                note("<- " + text);
                try {
                    if (frames.size() < MAX_FRAMES) {
                        frames.add(JSON.readTree(text));
                    }
                } catch (JsonProcessingException e) {
                    note("(not JSON, ignored: " + e.getOriginalMessage() + ")");
                }
                notifyAll();
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        markClosed();
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        note("error: " + error);
        markClosed();
    }

    private synchronized void markClosed() {
        closed = true;
        notifyAll();
    }

    private synchronized void note(String line) {
        if (recordRaw && raw.size() < MAX_FRAMES) {
            raw.add(new Transcript.RawLine(Instant.now(), "[" + who + "] " + line));
        }
    }

    @Override
    public synchronized List<Transcript.RawLine> drainRaw() {
        List<Transcript.RawLine> out = List.copyOf(raw);
        raw.clear();
        return out;
    }

    /**
     * Closes the socket as a browser tab does: a close frame, then the TCP connection (CppComet
     * never answers a close frame, it just drops the socket).
     */
    @Override
    public void close() {
        WebSocket ws = socket;
        if (ws == null) {
            return;
        }
        note("close");
        try {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(2, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // the server may already have dropped the socket; abort below either way
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            ws.abort();
            markClosed();
        }
    }
}

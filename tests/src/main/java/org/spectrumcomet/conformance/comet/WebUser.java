package org.spectrumcomet.conformance.comet;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A web page's user on a JDK {@link WebSocket}, speaking the CppComet protocol: the positional URL,
 * {@code subscription}, {@code web_pipe2}; every received frame is kept in order. No automatic pings
 * (a ping closes a CppComet socket). At most {@value #MAX_FRAMES} frames are kept; older ones are
 * dropped (index numbers keep counting, so a mark stays valid).
 */
public final class WebUser implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebUser.class);
    static final int MAX_FRAMES = 20_000;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final long id;
    private final List<WebFrame> frames = new ArrayList<>();
    private long dropped;
    private boolean closed;
    private WebSocket socket;

    private WebUser(long id) {
        this.id = id;
    }

    /** Connects user {@code id} with {@code key} and waits for serverInfo (authorised or not). */
    public static WebUser connect(CometTarget target, long id, String key) throws Exception {
        WebUser user = new WebUser(id);
        String uuid = String.format("%032x", System.nanoTime() ^ (id << 20));
        user.socket = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create(target.socketUrl(id, key, uuid)), user.new Listener())
                .get(10, TimeUnit.SECONDS);
        if (user.await(0, f -> f.event().equals("serverInfo"), Duration.ofSeconds(5)).isEmpty()) {
            user.close();
            throw new IllegalStateException("comet user " + id + ": no serverInfo within 5 s");
        }
        return user;
    }

    public long id() {
        return id;
    }

    /** Whether comet accepted the key (the serverInfo frame). */
    public synchronized boolean authorized() {
        return frames.stream().anyMatch(f -> f.event().equals("serverInfo") && f.raw().contains("\"authorized\":true"));
    }

    /** The {@code server} field of serverInfo: which comet implementation this is (null if absent). */
    public synchronized String serverName() {
        return frames.stream().filter(f -> f.event().equals("serverInfo")).findFirst()
                .map(f -> WebFrame.field(f.raw(), "server")).orElse(null);
    }

    /** Replaces the subscription set with {@code pipes}. */
    public void subscribe(String... pipes) {
        send("subscription\n" + String.join("\n", pipes));
    }

    /** Publishes {@code text} on a {@code web_} pipe as this user (comet adds our user id). */
    public void publish(String pipe, String event, String text) {
        send("web_pipe2\n" + pipe + "\n" + event + "\n*\n" + text);
    }

    private void send(String command) {
        socket.sendText(command, true).orTimeout(5, TimeUnit.SECONDS).join();
    }

    /** The index the next frame will get. */
    public synchronized long mark() {
        return dropped + frames.size();
    }

    /** The first frame from index {@code from} on that matches, waiting up to {@code timeout}. */
    public synchronized Optional<WebFrame> await(long from, Predicate<WebFrame> match, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long next = Math.max(from, dropped);
        while (true) {
            for (; next < dropped + frames.size(); next++) {
                WebFrame f = frames.get((int) (next - dropped));
                if (match.test(f)) {
                    return Optional.of(f);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || closed) {
                return Optional.empty();
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** Every kept frame from index {@code from} on that matches. */
    public synchronized List<WebFrame> frames(long from, Predicate<WebFrame> match) {
        List<WebFrame> out = new ArrayList<>();
        for (long i = Math.max(from, dropped); i < dropped + frames.size(); i++) {
            WebFrame f = frames.get((int) (i - dropped));
            if (match.test(f)) {
                out.add(f);
            }
        }
        return out;
    }

    /** How many received frames comet cut short ({@link WebFrame#truncated()}). */
    public synchronized long truncatedFrames() {
        return frames.stream().filter(WebFrame::truncated).count();
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    private synchronized void received(WebFrame frame) {
        if (frames.size() >= MAX_FRAMES) {
            frames.remove(0);
            dropped++;
        }
        frames.add(frame);
        notifyAll();
    }

    private synchronized void ended() {
        closed = true;
        notifyAll();
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(2, TimeUnit.SECONDS).join();
        } catch (RuntimeException e) {
            LOG.debug("comet user {}: close: {}", id, e.toString());
        }
        socket.abort();
        ended();
    }

    /** Collects text frames (a message may arrive in parts). */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received(WebFrame.parse(partial.toString()));
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, java.nio.ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            return onText(ws, new String(bytes, StandardCharsets.UTF_8), last);
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            ended();
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            LOG.debug("comet user {}: socket error {}", id, error.toString());
            ended();
        }
    }
}

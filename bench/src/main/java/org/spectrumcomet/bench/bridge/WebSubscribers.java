package org.spectrumcomet.bench.bridge;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.spectrumcomet.bench.report.LatencyRecorder;
import org.spectrumcomet.conformance.comet.CometQl;
import org.spectrumcomet.conformance.comet.CometTarget;

/**
 * A few web users on their own JDK WebSockets straight to comet (no bridge): the receiving end of
 * XMPP→comet and of the direct CometQL baseline. They keep nothing: each frame carrying a
 * {@link Stamp} counts as an arrival and records its latency from the intended send time.
 */
final class WebSubscribers implements AutoCloseable {

    private final List<WebSocket> sockets = new ArrayList<>();
    private final long[] ids;
    private final AtomicLong arrivals = new AtomicLong();
    private final LatencyRecorder latency = new LatencyRecorder();

    private WebSubscribers(long[] ids) {
        this.ids = ids;
    }

    /** Registers keys and connects {@code count} users with ids from {@code firstId} on; waits for their serverInfo. */
    static WebSubscribers connect(CometTarget target, CometQl cometql, long firstId, int count) throws Exception {
        long[] ids = new long[count];
        WebSubscribers out = new WebSubscribers(ids);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        CountDownLatch serverInfo = new CountDownLatch(count);
        for (int i = 0; i < count; i++) {
            ids[i] = firstId + i;
            String key = BridgeUsers.keyOf(ids[i]);
            cometql.setKey(ids[i], key);
            out.sockets.add(http.newWebSocketBuilder().buildAsync(URI.create(target.socketUrl(ids[i], key,
                    String.format("%032x", ids[i]))), out.new Listener(serverInfo)).get(10, TimeUnit.SECONDS));
        }
        if (!serverInfo.await(20, TimeUnit.SECONDS)) {
            out.close();
            throw new IllegalStateException("web subscribers: " + serverInfo.getCount() + " of " + count + " got no serverInfo");
        }
        return out;
    }

    long[] ids() {
        return ids;
    }

    long arrivals() {
        return arrivals.get();
    }

    LatencyRecorder latency() {
        return latency;
    }

    @Override
    public void close() {
        for (WebSocket socket : sockets) {
            socket.abort();
        }
    }

    /** Counts stamped frames (a frame may come in parts); serverInfo counts down the connect latch. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        private final CountDownLatch serverInfo;

        Listener(CountDownLatch serverInfo) {
            this.serverInfo = serverInfo;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                long now = System.nanoTime();
                long intended = Stamp.intendedNanos(partial);
                if (intended != Long.MIN_VALUE) {
                    arrivals.incrementAndGet();
                    latency.recordSince(intended, now);
                } else if (partial.indexOf("serverInfo") >= 0) {
                    serverInfo.countDown();
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            return CompletableFuture.completedFuture(null);
        }
    }
}

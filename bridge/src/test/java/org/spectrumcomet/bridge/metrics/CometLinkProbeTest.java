package org.spectrumcomet.bridge.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.bridge.comet.CometBody;
import org.spectrumcomet.bridge.comet.CometQlException;
import org.spectrumcomet.bridge.session.CometLinkListener;
import org.spectrumcomet.bridge.session.CometMessage;
import org.spectrumcomet.bridge.session.CometNetwork;
import org.spectrumcomet.bridge.session.CometUserLink;

class CometLinkProbeTest {

    private static final Duration INTERVAL = Duration.ofMillis(100);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final CometLinkState link = new CometLinkState("127.0.0.1:3307", "ws://127.0.0.1:8087", timer,
            Duration.ofMillis(20), new SimpleMeterRegistry());
    private final AtomicInteger probes = new AtomicInteger();
    private volatile RuntimeException failure;

    /** Answers users_time, or fails like an unreachable CometQL; counts the calls. */
    private final CometNetwork comet = new CometNetwork() {
        @Override
        public CometUserLink open(long userId, String key, CometLinkListener listener) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<Void> sendPrivate(long userId, String event, CometBody body) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> publish(String pipe, String event, CometBody body) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Map<Long, Long>> lastOnline(Collection<Long> userIds) {
            probes.incrementAndGet();
            RuntimeException f = failure;
            return f != null ? CompletableFuture.failedFuture(f) : CompletableFuture.completedFuture(Map.of(1L, -1L));
        }

        @Override
        public CompletableFuture<List<CometMessage>> history(String pipe) {
            return CompletableFuture.completedFuture(List.of());
        }

        @Override
        public CompletableFuture<List<Long>> subscribers(String pipe) {
            return CompletableFuture.completedFuture(List.of());
        }
    };
    private final MeteredCometNetwork metered = new MeteredCometNetwork(comet, BridgeMeters.none(), link);

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    private static void poll(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(10);
        }
    }

    @Test
    void anIdleCometQlIsProbedAndAnUnreachableOneTakesTheLinkDownUntilItAnswers() throws Exception {
        failure = new CometQlException("cannot log in to CometQL at 127.0.0.1:3307 as root: Connection refused", 0, null);
        try (CometLinkProbe probe = CometLinkProbe.start(metered, link, timer, INTERVAL)) {
            poll(() -> !link.isUp());
            assertThat(link.problem()).startsWith("cometql 127.0.0.1:3307: cannot log in");
            failure = null;
            poll(link::isUp);
        }
    }

    @Test
    void trafficMeansNoProbe() throws Exception {
        // a long interval against a statement every 20 ms: a loaded machine's late wake-ups stay far below it
        Duration interval = Duration.ofSeconds(1);
        try (CometLinkProbe probe = CometLinkProbe.start(metered, link, timer, interval)) {
            long until = System.nanoTime() + interval.multipliedBy(2).plusMillis(500).toNanos();
            while (System.nanoTime() < until) {
                metered.sendPrivate(7, "message", CometBody.plain("x"));
                Thread.sleep(20);
            }
            assertThat(probes.get()).isZero();
            poll(() -> probes.get() > 0); // once idle, it asks
        }
    }
}

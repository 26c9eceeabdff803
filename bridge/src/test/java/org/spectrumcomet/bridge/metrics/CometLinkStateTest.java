package org.spectrumcomet.bridge.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class CometLinkStateTest {

    private static final Duration DEBOUNCE = Duration.ofMillis(150);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(CometLinkState.class);
    private CometLinkState link;

    @BeforeEach
    void start() {
        log.start();
        logger.addAppender(log);
        link = new CometLinkState("127.0.0.1:3307", "ws://127.0.0.1:8087", timer, DEBOUNCE, registry);
    }

    @AfterEach
    void stop() {
        logger.detachAppender(log);
        timer.shutdownNow();
    }

    private List<String> lines() {
        return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    private double gauge() {
        return registry.get("spectrum.comet.bridge.comet.link.up").gauge().value();
    }

    private double reconnects(String which) {
        return registry.get("spectrum.comet.bridge.reconnects").tag("link", which).counter().count();
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

    /** Longer than the debounce: a change would have been reported by now. */
    private static void settle() throws InterruptedException {
        Thread.sleep(DEBOUNCE.toMillis() * 3);
    }

    @Test
    void everySocketLostIsOneDownLineAndTheirReturnOneUpLine() throws Exception {
        CometLinkState.Socket a = link.socket();
        CometLinkState.Socket b = link.socket();
        a.opened(true);
        b.opened(true);
        assertThat(link.isUp()).isTrue();
        assertThat(gauge()).isEqualTo(1.0);

        a.lost("connection reset");
        b.lost("connection reset");
        poll(() -> !link.isUp());
        settle();
        assertThat(lines()).containsExactly(
                "comet link DOWN: websocket ws://127.0.0.1:8087: connection reset (2 users in grace period)");
        assertThat(link.problem()).isEqualTo("websocket ws://127.0.0.1:8087: connection reset");
        assertThat(gauge()).isZero();

        a.restored();
        b.restored();
        poll(link::isUp);
        settle();
        assertThat(lines()).hasSize(2);
        assertThat(lines().get(1)).matches(
                "comet link UP: cometql 127\\.0\\.0\\.1:3307, websocket ws://127\\.0\\.0\\.1:8087 \\(after \\d+ s\\)");
        assertThat(gauge()).isEqualTo(1.0);
        assertThat(reconnects("websocket")).isEqualTo(2.0);
    }

    @Test
    void oneSocketDroppingWhileAnotherIsLiveIsNotTheLink() throws Exception {
        CometLinkState.Socket a = link.socket();
        CometLinkState.Socket b = link.socket();
        a.opened(true);
        b.opened(true);
        a.lost("reset by peer");
        settle();
        assertThat(lines()).isEmpty();
        assertThat(link.isUp()).isTrue();
    }

    @Test
    void flappingFasterThanTheDebounceLogsNothing() throws Exception {
        CometLinkState.Socket a = link.socket();
        a.opened(true);
        for (int i = 0; i < 5; i++) {
            a.lost("blip");
            a.restored();
        }
        settle();
        assertThat(lines()).isEmpty();
        assertThat(link.isUp()).isTrue();
        assertThat(reconnects("websocket")).isEqualTo(5.0);
    }

    @Test
    void cometQlUnreachableIsDownUntilAStatementIsAnswered() throws Exception {
        link.cometqlUnreachable("Connection refused");
        link.cometqlUnreachable("Connection refused");
        poll(() -> !link.isUp());
        settle();
        assertThat(lines()).containsExactly(
                "comet link DOWN: cometql 127.0.0.1:3307: Connection refused (0 users in grace period)");

        link.cometqlAnswered();
        link.cometqlAnswered();
        poll(link::isUp);
        settle();
        assertThat(lines()).hasSize(2);
        assertThat(reconnects("cometql")).isEqualTo(1.0);
    }

    @Test
    void aSocketThatCannotReachCometOnLoginIsDownUntilOneOpens() throws Exception {
        CometLinkState.Socket a = link.socket();
        a.unreachable("cannot connect to 127.0.0.1:8087: Connection refused");
        a.closed();
        poll(() -> !link.isUp());
        CometLinkState.Socket b = link.socket();
        b.opened(false); // a rejected key: comet answered, so it is reachable
        poll(link::isUp);
        settle();
        assertThat(lines()).hasSize(2);
    }

    @Test
    void aClosedSocketNoLongerCounts() throws Exception {
        CometLinkState.Socket a = link.socket();
        CometLinkState.Socket b = link.socket();
        a.opened(true);
        b.opened(true);
        b.lost("reset");
        a.closed(); // the live one logs out: only a reconnecting one is left
        poll(() -> !link.isUp());
        b.closed(); // and that one gives up (grace period over): still no news that comet is back
        settle();
        assertThat(link.isUp()).isFalse();
        link.socket().opened(true); // the main logs the user in again and comet answers
        poll(link::isUp);
        settle();
        assertThat(lines()).hasSize(2);
    }

    @Test
    void aSlowLogAppenderDoesNotStallThoseWhoReportToTheState() throws Exception {
        CountDownLatch inAppender = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AppenderBase<ILoggingEvent> slow = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                inAppender.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        slow.start();
        logger.addAppender(slow);
        ExecutorService reporter = Executors.newSingleThreadExecutor();
        try {
            link.cometqlUnreachable("connection refused");
            assertThat(inAppender.await(10, TimeUnit.SECONDS)).as("the DOWN line is being written").isTrue();
            // e.g. a socket's event loop reporting a login answer while the disk is slow
            Future<?> report = reporter.submit(() -> link.socket().opened(true));
            report.get(2, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            logger.detachAppender(slow);
            reporter.shutdownNow();
        }
    }
}

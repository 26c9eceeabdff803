package org.spectrumcomet.backend.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

class UserQueuesTest {

    private final UserQueues queues = new UserQueues(4, 10, Duration.ofSeconds(5));

    @AfterEach
    void tearDown() {
        queues.shutdown(Duration.ofMillis(500));
    }

    @Test
    void oneUsersWorkRunsInOrderNeverConcurrently() throws Exception {
        List<Integer> seen = new CopyOnWriteArrayList<>();
        int[] running = {0};
        boolean[] overlap = {false};
        CountDownLatch done = new CountDownLatch(1);
        for (int i = 0; i < 200; i++) {
            int n = i;
            // a backlog of 10: submit in waves the queue can hold
            while (!queues.submit("u", "T", () -> {
                synchronized (running) {
                    if (++running[0] > 1) {
                        overlap[0] = true;
                    }
                }
                seen.add(n);
                synchronized (running) {
                    running[0]--;
                }
                if (n == 199) {
                    done.countDown();
                }
            })) {
                Thread.onSpinWait();
            }
        }
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(overlap[0]).isFalse();
        for (int i = 0; i < seen.size(); i++) {
            assertThat(seen.get(i)).isEqualTo(i);
        }
    }

    @Test
    void aBlockedUserDoesNotBlockAnother() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch other = new CountDownLatch(1);
        queues.submit("stuck", "T", () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        queues.submit("free", "T", other::countDown);
        assertThat(other.await(2, TimeUnit.SECONDS)).isTrue();
        release.countDown();
    }

    @Test
    void aFullBacklogRefusesNewWorkForThatUserOnly() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        queues.submit("u", "T", () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (queues.waiting("u") > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5); // until the first task runs
        }
        for (int i = 0; i < 10; i++) {
            assertThat(queues.submit("u", "T", () -> { })).isTrue();
        }
        assertThat(queues.submit("u", "T", () -> { })).isFalse();
        assertThat(queues.submit("v", "T", () -> { })).isTrue();
        release.countDown();
    }

    @Test
    void aThrowingTaskDoesNotStopTheQueue() throws Exception {
        CountDownLatch after = new CountDownLatch(1);
        queues.submit("u", "T", () -> {
            throw new IllegalStateException("boom");
        });
        queues.submit("u", "T", after::countDown);
        assertThat(after.await(2, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void idleQueuesAreForgotten() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        queues.submit("u", "T", ran::countDown);
        assertThat(ran.await(2, TimeUnit.SECONDS)).isTrue();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        CountDownLatch again = new CountDownLatch(1);
        queues.submit("u", "T", again::countDown);
        assertThat(again.await(2, TimeUnit.SECONDS)).isTrue();
        assertThat(System.nanoTime()).isLessThan(deadline);
    }

    @Test
    void aSlowHandlerIsReportedOnceWithTheUser() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(UserQueues.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        logger.addAppender(events);
        UserQueues fast = new UserQueues(2, 10, Duration.ofMillis(200));
        try {
            CountDownLatch release = new CountDownLatch(1);
            fast.submit("slow@x", "CONV_MESSAGE", () -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            while (events.list.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(300);
            release.countDown();
            assertThat(events.list).hasSize(1);
            assertThat(events.list.get(0).getFormattedMessage())
                    .startsWith("user slow@x: CONV_MESSAGE handler has been running for");
        } finally {
            logger.detachAppender(events);
            fast.shutdown(Duration.ofMillis(500));
        }
    }
}

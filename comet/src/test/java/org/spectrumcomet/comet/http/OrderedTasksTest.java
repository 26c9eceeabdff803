package org.spectrumcomet.comet.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OrderedTasksTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final ScheduledExecutorService retry = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        pool.shutdownNow();
        retry.shutdownNow();
    }

    @Test
    void runsInOrderOneAtATime() throws Exception {
        OrderedTasks tasks = new OrderedTasks(pool, retry);
        List<Integer> seen = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        for (int i = 0; i < 200; i++) {
            int n = i;
            assertThat(tasks.submit(() -> seen.add(n))).isTrue();
        }
        tasks.submit(done::countDown);
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).hasSize(200).isSorted();
    }

    @Test
    void refusesBeyondTheBoundButSubmitAlwaysQueues() throws Exception {
        OrderedTasks tasks = new OrderedTasks(pool, retry);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch blocking = new CountDownLatch(1);
        tasks.submit(() -> {
            blocking.countDown();
            awaitQuietly(release);
        });
        // Only once the first task has left the queue does the queue hold exactly what follows.
        assertThat(blocking.await(5, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < OrderedTasks.MAX_PENDING; i++) {
            tasks.submit(() -> { });
        }
        assertThat(tasks.submit(() -> { })).isFalse();
        CountDownLatch last = new CountDownLatch(1);
        tasks.submitAlways(last::countDown);
        release.countDown();
        assertThat(last.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void retriesWhenTheExecutorIsFull() throws Exception {
        ThreadPoolExecutor tiny = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1));
        try {
            CountDownLatch release = new CountDownLatch(1);
            tiny.execute(() -> awaitQuietly(release)); // occupies the thread
            tiny.execute(() -> { });                    // fills the queue
            OrderedTasks tasks = new OrderedTasks(tiny, retry);
            CountDownLatch ran = new CountDownLatch(1);
            tasks.submit(ran::countDown);               // rejected now, retried later
            release.countDown();
            assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        } finally {
            tiny.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

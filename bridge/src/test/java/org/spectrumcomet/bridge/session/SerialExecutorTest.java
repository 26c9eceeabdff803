package org.spectrumcomet.bridge.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SerialExecutorTest {

    @Test
    void tasksRunOneAtATimeInOrderOnAPool() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            SerialExecutor serial = new SerialExecutor(pool, 10_000, "test");
            List<Integer> seen = new CopyOnWriteArrayList<>();
            int[] running = {0};
            boolean[] overlap = {false};
            CountDownLatch done = new CountDownLatch(1);
            for (int i = 0; i < 1000; i++) {
                int n = i;
                serial.execute(() -> {
                    synchronized (running) {
                        overlap[0] |= ++running[0] > 1;
                    }
                    seen.add(n);
                    synchronized (running) {
                        running[0]--;
                    }
                    if (n == 999) {
                        done.countDown();
                    }
                });
            }
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                expected.add(i);
            }
            assertThat(seen).isEqualTo(expected);
            assertThat(overlap[0]).isFalse();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void pastTheBoundTasksAreDroppedAndAThrowingTaskDoesNotStopTheNext() {
        List<Runnable> parked = new ArrayList<>();
        SerialExecutor serial = new SerialExecutor(parked::add, 3, "test");
        List<String> ran = new ArrayList<>();
        serial.execute(() -> {
            throw new IllegalStateException("boom");
        });
        serial.execute(() -> ran.add("b"));
        serial.execute(() -> ran.add("c"));
        serial.execute(() -> ran.add("dropped"));

        assertThat(parked).hasSize(1);
        parked.get(0).run();
        assertThat(ran).containsExactly("b", "c");
    }

    @Test
    void continuationsOfAcceptedWorkAreNeverDroppedAndKeepTheOrder() {
        List<Runnable> parked = new ArrayList<>();
        SerialExecutor serial = new SerialExecutor(parked::add, 2, "test");
        List<String> ran = new ArrayList<>();
        serial.execute(() -> ran.add("new 1"));
        serial.execute(() -> ran.add("new 2"));
        serial.execute(() -> ran.add("new 3, dropped"));
        serial.continuation().execute(() -> ran.add("continuation 1"));
        serial.continuation().execute(() -> ran.add("continuation 2"));

        parked.get(0).run();
        assertThat(ran).containsExactly("new 1", "new 2", "continuation 1", "continuation 2");
    }

    /**
     * The flood seen through the real Spectrum 2 (FloodIT): with the session's queue full of new
     * work, the completions that free the outbox's slots must still run, or the user stays refused.
     */
    @Test
    void anOutboxOnContinuationsFreesItsSlotsWhileTheQueueIsFull() {
        List<Runnable> parked = new ArrayList<>();
        SerialExecutor serial = new SerialExecutor(parked::add, 2, "test");
        Outbox outbox = new Outbox(serial.continuation(), 1, java.time.Duration.ofSeconds(5));
        java.util.concurrent.CompletableFuture<String> sent = new java.util.concurrent.CompletableFuture<>();
        serial.execute(() -> outbox.enqueue(() -> sent));
        parked.remove(0).run();
        serial.execute(() -> { });
        serial.execute(() -> { });

        sent.complete("accepted");
        while (!parked.isEmpty()) {
            parked.remove(0).run();
        }
        java.util.concurrent.CompletableFuture<String> next = outbox.enqueue(
                () -> java.util.concurrent.CompletableFuture.completedFuture("again"));
        while (!parked.isEmpty()) {
            parked.remove(0).run();
        }
        assertThat(next).isCompletedWithValue("again");
    }
}

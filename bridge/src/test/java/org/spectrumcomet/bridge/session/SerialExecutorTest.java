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
}

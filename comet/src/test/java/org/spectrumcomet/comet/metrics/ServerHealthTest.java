package org.spectrumcomet.comet.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.comet.engine.EngineVitals;
import org.spectrumcomet.comet.store.CometStoreException;

class ServerHealthTest {

    /** A store that answers or not, counting the questions. */
    private static final class Store implements EngineVitals {
        final AtomicInteger asked = new AtomicInteger();
        volatile String failure;

        @Override
        public void checkStore() {
            asked.incrementAndGet();
            if (failure != null) {
                throw CometStoreException.unreachable(failure, null);
            }
        }
    }

    @Test
    void upWhenEveryListenerIsBoundAndTheStoreAnswers() {
        ServerHealth health = new ServerHealth(new Store(), "sqlite");
        health.listener("cometql", () -> true);
        health.listener("ws", () -> true);
        ServerHealth.Report report = health.report();
        assertThat(report.up()).isTrue();
        assertThat(report.json()).isEqualTo("{\"status\":\"up\",\"components\":{\"cometql\":{\"status\":\"up\"},"
                + "\"ws\":{\"status\":\"up\"},\"store\":{\"status\":\"up\",\"kind\":\"sqlite\"}}}");
    }

    @Test
    void downNamingTheListenerThatIsNotBound() {
        AtomicBoolean bound = new AtomicBoolean(true);
        ServerHealth health = new ServerHealth(new Store(), "memory");
        health.listener("cometql", () -> true);
        health.listener("ws", bound::get);
        assertThat(health.report().up()).isTrue();
        bound.set(false);
        ServerHealth.Report report = health.report();
        assertThat(report.up()).isFalse();
        assertThat(report.json()).startsWith("{\"status\":\"down\"")
                .contains("\"ws\":{\"status\":\"down\",\"error\":\"listener not bound\"}", "\"cometql\":{\"status\":\"up\"}");
    }

    @Test
    void downWithTheStoreErrorWhenTheStoreDoesNotAnswer() {
        Store store = new Store();
        store.failure = "Redis unreachable: connection refused";
        ServerHealth health = new ServerHealth(store, "redis");
        health.listener("ws", () -> true);
        ServerHealth.Report report = health.report();
        assertThat(report.up()).isFalse();
        assertThat(report.json()).contains("\"store\":{\"status\":\"down\",\"kind\":\"redis\","
                + "\"error\":\"Redis unreachable: connection refused\"}");
    }

    @Test
    void asksTheStoreAtMostOnceASecond() throws Exception {
        Store store = new Store();
        ServerHealth health = new ServerHealth(store, "sqlite");
        health.listener("ws", () -> true);
        for (int i = 0; i < 50; i++) {
            health.report();
        }
        assertThat(store.asked).hasValue(1);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (store.asked.get() == 1 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            health.report();
        }
        assertThat(store.asked).hasValue(2);
    }

    @Test
    void notUpBeforeAnyListenerIsRegistered() {
        assertThat(new ServerHealth(new Store(), "sqlite").report().up()).isFalse();
    }

    @Test
    void probesArrivingWhileTheStoreIsSlowTakeThePreviousAnswerInsteadOfWaiting() throws Exception {
        CountDownLatch inCheck = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger asked = new AtomicInteger();
        ServerHealth health = new ServerHealth(new EngineVitals() {
            @Override
            public void checkStore() {
                if (asked.incrementAndGet() == 2) {
                    inCheck.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    throw CometStoreException.unreachable("Redis did not answer", null);
                }
            }
        }, "redis");
        health.listener("ws", () -> true);
        assertThat(health.report().up()).isTrue();
        Thread.sleep(1_100); // the first answer is stale now
        Thread slow = new Thread(health::report);
        slow.start();
        assertThat(inCheck.await(10, TimeUnit.SECONDS)).isTrue();
        long start = System.nanoTime();
        assertThat(health.report().up()).as("the previous answer, at once").isTrue();
        assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(1));
        release.countDown();
        slow.join(10_000);
        assertThat(health.report().up()).isFalse();
        assertThat(asked).hasValue(2);
    }
}

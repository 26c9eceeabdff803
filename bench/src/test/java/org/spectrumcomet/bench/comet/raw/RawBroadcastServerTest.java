package org.spectrumcomet.bench.comet.raw;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.bench.comet.load.BenchMessage;
import org.spectrumcomet.bench.comet.load.FanoutRun;
import org.spectrumcomet.bench.comet.load.LinePublisher;
import org.spectrumcomet.bench.comet.load.LoadClients;
import org.spectrumcomet.bench.comet.load.UpgradeRequest;

class RawBroadcastServerTest {

    @Test
    void everyLineReachesEverySubscriberOnce() throws Exception {
        try (RawBroadcastServer server = RawBroadcastServer.start("127.0.0.1", 0, 0, 1, "bench_fanout", "bench");
             LoadClients clients = new LoadClients(1, 3)) {
            int opened = clients.open(server.wsAddress(), 20, "bench_fanout", () -> UpgradeRequest.anonymousPath("0"),
                    10, TimeUnit.SECONDS);
            assertThat(opened).isEqualTo(20);
            awaitSubscribers(server, 20);
            try (LinePublisher publisher = new LinePublisher(server.publishAddress())) {
                for (int i = 0; i < 5; i++) {
                    publisher.publish(BenchMessage.body(System.nanoTime(), i, 100));
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (clients.deliveries().count() < 100 && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
            }
            assertThat(clients.deliveries().count()).isEqualTo(100);
        }
    }

    @Test
    void fanoutRunMeasuresDeliveriesPerSecond() throws Exception {
        try (RawBroadcastServer server = RawBroadcastServer.start("127.0.0.1", 0, 0, 1, "bench_fanout", "bench");
             LoadClients clients = new LoadClients(1, 2)) {
            clients.open(server.wsAddress(), 10, "bench_fanout", () -> UpgradeRequest.anonymousPath("0"), 10,
                    TimeUnit.SECONDS);
            awaitSubscribers(server, 10);
            try (LinePublisher publisher = new LinePublisher(server.publishAddress())) {
                FanoutRun run = new FanoutRun(List.of(publisher), clients.deliveries(), 10, 4, 100);
                double perSecond = run.measure(Duration.ofMillis(500));
                assertThat(perSecond).isGreaterThan(0);
                assertThat(run.writtenOff()).isZero();
                assertThat(clients.deliveries().count()).isEqualTo(run.published() * 10);
            }
        }
    }

    private static void awaitSubscribers(RawBroadcastServer server, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.subscriberCount() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(server.subscriberCount()).isEqualTo(count);
    }
}

package org.spectrumcomet.bridge.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class OutboxTest {

    private final List<CompletableFuture<String>> calls = new ArrayList<>();

    private CompletableFuture<String> call() {
        CompletableFuture<String> f = new CompletableFuture<>();
        calls.add(f);
        return f;
    }

    @Test
    void aSendStartsOnlyAfterTheEarlierOneCompletedEvenIfItFailed() {
        Outbox outbox = new Outbox(Runnable::run, 10, Duration.ofSeconds(5));
        CompletableFuture<String> first = outbox.enqueue(this::call);
        CompletableFuture<String> second = outbox.enqueue(this::call);
        assertThat(calls).hasSize(1);

        calls.get(0).completeExceptionally(new RuntimeException("refused"));
        assertThat(first).isCompletedExceptionally();
        assertThat(calls).hasSize(2);
        calls.get(1).complete("ok");
        assertThat(second).isCompletedWithValue("ok");
    }

    @Test
    void pastTheBoundASendIsRefusedAtOnce() {
        Outbox outbox = new Outbox(Runnable::run, 2, Duration.ofSeconds(5));
        outbox.enqueue(this::call);
        outbox.enqueue(this::call);
        CompletableFuture<String> third = outbox.enqueue(this::call);

        assertThat(third).isCompletedExceptionally();
        assertThat(third.handle((v, e) -> e).join()).isInstanceOf(RejectedExecutionException.class);
        calls.get(0).complete("ok");
        assertThat(outbox.enqueue(this::call)).isNotDone();
    }

    @Test
    void aHungSendTimesOutAndTheNextOneRuns() throws Exception {
        Outbox outbox = new Outbox(Runnable::run, 10, Duration.ofMillis(50));
        CompletableFuture<String> hung = outbox.enqueue(this::call);
        CompletableFuture<String> next = outbox.enqueue(() -> CompletableFuture.completedFuture("next"));

        assertThat(next.get(5, TimeUnit.SECONDS)).isEqualTo("next");
        assertThat(hung.handle((v, e) -> e).join()).hasRootCauseInstanceOf(TimeoutException.class);
    }
}

package org.spectrumcomet.comet.engine.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.spectrumcomet.comet.engine.CometEvent;

/** A pipe feed hands on each number once and in order, reads back gaps, and reports what is no longer kept. */
class PipeFeedTest {

    private final List<String> delivered = new ArrayList<>();
    private final List<Long> lost = new ArrayList<>();
    private final List<Long> reads = new ArrayList<>();
    private CompletableFuture<PipeReplay.Tail> pending;

    private PipeFeed feed(long start) {
        return feed(start, 1000);
    }

    private PipeFeed feed(long start, int batch) {
        return new PipeFeed("test", start, new PipeFeed.Receiver() {
            @Override
            public void deliver(Envelope envelope) {
                delivered.add((String) envelope.frame().data());
            }

            @Override
            public void lost(long count) {
                lost.add(count);
            }
        }, after -> {
            reads.add(after);
            pending = new CompletableFuture<>();
            return pending;
        }, batch);
    }

    private static Envelope message(long n) {
        return new Envelope(Envelope.FRAME, "a", -1, new CometEvent("p", "e", "m" + n, 1, -1, false), null, n);
    }

    @Test
    void inOrderMessagesPassAndDuplicatesAreDropped() {
        PipeFeed feed = feed(4);
        feed.accept(message(4));
        feed.accept(message(5));
        feed.accept(message(6));
        feed.accept(message(6));
        assertThat(delivered).containsExactly("m5", "m6");
        assertThat(reads).isEmpty();
    }

    @Test
    void aGapIsReadBackBeforeTheMessagesWaitingBehindIt() {
        PipeFeed feed = feed(0);
        feed.accept(message(1));
        feed.accept(message(4));
        feed.accept(message(5));
        assertThat(reads).containsExactly(1L);
        assertThat(delivered).containsExactly("m1");
        pending.complete(new PipeReplay.Tail(4, List.of(message(2), message(3), message(4))));
        assertThat(delivered).containsExactly("m1", "m2", "m3", "m4", "m5");
        assertThat(lost).isEmpty();
    }

    @Test
    void aReconnectReadsBackWhatWasMissed() {
        PipeFeed feed = feed(2);
        feed.reconnected();
        pending.complete(new PipeReplay.Tail(4, List.of(message(3), message(4))));
        feed.accept(message(4));
        feed.accept(message(5));
        assertThat(delivered).containsExactly("m3", "m4", "m5");
    }

    @Test
    void numbersRestartedByAnEmptyRedisAreReadFromTheStart() {
        PipeFeed feed = feed(50);
        feed.accept(message(1));
        feed.reconnected();
        pending.complete(new PipeReplay.Tail(2, List.of()));
        assertThat(reads).containsExactly(50L, 0L);
        pending.complete(new PipeReplay.Tail(2, List.of(message(1), message(2))));
        assertThat(delivered).containsExactly("m1", "m2");
    }

    @Test
    void messagesNoLongerKeptAreReportedNotSilentlySkipped() {
        PipeFeed feed = feed(2);
        feed.reconnected();
        pending.complete(new PipeReplay.Tail(10, List.of(message(8), message(9), message(10))));
        assertThat(lost).containsExactly(5L);
        assertThat(delivered).containsExactly("m8", "m9", "m10");
        feed.reconnected();
        pending.complete(new PipeReplay.Tail(20, List.of()));
        assertThat(lost).containsExactly(5L, 10L);
        feed.accept(message(21));
        assertThat(delivered).endsWith("m21");
    }

    @Test
    void aFullBatchIsFollowedByAnotherReadBeforeTheWaitingMessages() {
        PipeFeed feed = feed(0, 2);
        feed.accept(message(5));
        assertThat(reads).containsExactly(0L);
        pending.complete(new PipeReplay.Tail(5, List.of(message(1), message(2))));
        assertThat(reads).as("a batch of the configured size: maybe more kept").containsExactly(0L, 2L);
        assertThat(delivered).containsExactly("m1", "m2");
        pending.complete(new PipeReplay.Tail(5, List.of(message(3), message(4))));
        assertThat(reads).containsExactly(0L, 2L, 4L);
        pending.complete(new PipeReplay.Tail(5, List.of(message(5))));
        assertThat(delivered).containsExactly("m1", "m2", "m3", "m4", "m5");
        assertThat(lost).isEmpty();
    }
}

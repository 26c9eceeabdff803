package org.spectrumcomet.comet.engine.redis;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's feed of one pipe: hands each numbered message on once, in number order, whether it
 * came live over pub/sub or was read back from the pipe's replay stream after a gap (a pub/sub
 * reconnect, or a message that arrived before an earlier one was seen).
 *
 * <p>Live messages arrive on the pub/sub event loop, read-back ones on the command connection's:
 * both enter under this object's monitor and the receiver never blocks. While a read-back runs,
 * live messages wait, at most {@link #MAX_WAITING}; beyond that they are dropped here and read
 * back from the stream by the next read-back, which starts as soon as this one ends.
 */
final class PipeFeed implements ChannelSubscriptions.Listener {

    /** What the feed hands on. Called under the feed's monitor; must not block. */
    interface Receiver {
        void deliver(Envelope envelope);

        /** {@code count} messages were published but are no longer kept: this node never gets them. */
        void lost(long count);
    }

    private static final Logger log = LoggerFactory.getLogger(PipeFeed.class);
    static final int MAX_WAITING = 10_000;

    private final String name;
    private final Receiver receiver;
    private final LongFunction<CompletionStage<PipeReplay.Tail>> readAfter;
    private final int batch;
    private final TreeMap<Long, Envelope> waiting = new TreeMap<>();
    /** The last number handed on. */
    private long last;
    private boolean reading;
    private boolean overflowed;

    /**
     * @param start the pipe's number read before subscribing: everything after it is handed on
     * @param batch the most one read-back returns: a full batch means read on
     */
    PipeFeed(String name, long start, Receiver receiver, LongFunction<CompletionStage<PipeReplay.Tail>> readAfter,
             int batch) {
        this.name = name;
        this.batch = batch;
        this.last = start;
        this.receiver = receiver;
        this.readAfter = readAfter;
    }

    @Override
    public void reconnected() {
        catchUp();
    }

    @Override
    public synchronized void accept(Envelope envelope) {
        long n = envelope.sequence();
        if (n < 0) {
            receiver.deliver(envelope); // not numbered (an older node's publish)
            return;
        }
        if (n <= last) {
            return; // already handed on (read back, then arrived live, or the other way round)
        }
        if (!reading && n == last + 1) {
            last = n;
            receiver.deliver(envelope);
            return;
        }
        if (waiting.size() >= MAX_WAITING) {
            overflowed = true;
        } else {
            waiting.put(n, envelope);
        }
        catchUp();
    }

    /** Reads back whatever was published after the last number handed on (after a reconnect). */
    synchronized void catchUp() {
        if (reading) {
            return;
        }
        reading = true;
        readAfter.apply(last).whenComplete(this::readBack);
    }

    private synchronized void readBack(PipeReplay.Tail tail, Throwable failure) {
        reading = false;
        if (failure != null) {
            // Redis away again: the reconnect that follows reads back again.
            log.warn("{}: reading back after message {} failed: {}", name, last, failure.toString());
            return;
        }
        if (tail.current() < last) {
            // Redis lost the pipe's counter (restarted without persistence): numbers start over.
            // Read again from the start: what arrived live meanwhile was new, not a duplicate.
            log.warn("{}: numbers restarted at {} (was {})", name, tail.current(), last);
            last = 0;
            catchUp();
            return;
        }
        for (Envelope e : tail.envelopes()) {
            handOn(e);
        }
        if (tail.envelopes().size() >= batch) {
            // Possibly more kept than one read returns: read on before the waiting ones.
            waiting.headMap(last, true).clear();
            catchUp();
            return;
        }
        if (last < tail.current() && (waiting.isEmpty() || waiting.firstKey() > tail.current())) {
            // Published up to tail.current() but nothing left after 'last': the stream expired or was trimmed.
            lost(tail.current());
        }
        for (Map.Entry<Long, Envelope> e : waiting.entrySet()) {
            handOn(e.getValue());
        }
        waiting.clear();
        if (overflowed) {
            overflowed = false;
            catchUp();
        }
    }

    private void lost(long upTo) {
        log.warn("{}: messages {}..{} are no longer kept, this node's subscribers miss them", name, last + 1, upTo);
        receiver.lost(upTo - last);
        last = upTo;
    }

    private void handOn(Envelope e) {
        long n = e.sequence();
        if (n <= last) {
            return;
        }
        if (n > last + 1) {
            lost(n - 1);
        }
        last = n;
        receiver.deliver(e);
    }
}

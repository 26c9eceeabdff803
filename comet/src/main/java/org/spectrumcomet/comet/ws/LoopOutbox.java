package org.spectrumcomet.comet.ws;

import io.netty.channel.EventLoop;
import io.netty.util.internal.PlatformDependent;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.WeakHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the connections of one event loop are to write, handed over from any thread. A publish to
 * K subscribers used to queue K write-and-flush tasks on the event loops; now each loop runs one
 * task that writes everything queued for its connections and flushes each touched connection
 * once, however many publishes arrived meanwhile (bench comet, fan-out).
 *
 * <p>Order: one queue per loop, so what one thread hands to one connection is written in that
 * order (frames, and the close that follows an error frame).
 *
 * <p>Bound: the queue holds only frames a connection accepted within its own
 * {@link org.spectrumcomet.comet.http.OutboundBudget} (reserved before queueing, released when
 * written), so it is bounded by the budgets of the loop's connections. When the loop is shutting
 * down (it refuses the run), what is queued is dropped with the channels it was meant for.
 */
final class LoopOutbox implements Runnable {

    /** Something a connection writes on its event loop; {@code write} never flushes. */
    interface Item {
        CometSocketConnection connection();

        void write();
    }

    /** Items one run writes before it flushes and yields the loop to its other tasks. */
    static final int MAX_ITEMS_PER_RUN = 8192;
    private static final Map<EventLoop, LoopOutbox> OUTBOXES = Collections.synchronizedMap(new WeakHashMap<>());

    /** Weak: the map's value must not keep its key alive (event loops of stopped servers). */
    private final WeakReference<EventLoop> loop;
    private final Queue<Item> queue = PlatformDependent.newMpscQueue();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    /** Connections written in the current run, flushed at its end; touched only on the loop. */
    private final List<CometSocketConnection> touched = new ArrayList<>();
    /** The publish whose latency this loop sampled last; touched only on the loop. */
    private long lastSampled;

    private LoopOutbox(EventLoop loop) {
        this.loop = new WeakReference<>(loop);
    }

    /** The outbox of a loop; connections look it up once, when they are created. */
    static LoopOutbox of(EventLoop loop) {
        return OUTBOXES.computeIfAbsent(loop, LoopOutbox::new);
    }

    /** Queues an item; the loop writes it in its next outbox run (scheduled when none is). */
    void add(Item item) {
        queue.add(item);
        if (scheduled.compareAndSet(false, true)) {
            schedule();
        }
    }

    private void schedule() {
        EventLoop l = loop.get();
        try {
            if (l == null) {
                throw new RejectedExecutionException("event loop gone");
            }
            l.execute(this);
        } catch (RejectedExecutionException stopping) {
            // The loop is shutting down and its channels with it: nothing will be written.
            queue.clear();
            scheduled.set(false);
        }
    }

    /**
     * On the loop: true for the first frame of a publish since another publish's frame was
     * sampled, so a fan-out records its latency about once per loop (see {@code comet_publish_delivery_seconds}).
     */
    boolean firstOfPublish(long acceptedNanos) {
        if (acceptedNanos == lastSampled) {
            return false;
        }
        lastSampled = acceptedNanos;
        return true;
    }

    /** On the loop: writes what is queued, then flushes every connection written to, once. */
    @Override
    public void run() {
        scheduled.set(false); // items added from now on schedule the next run
        Item item;
        int written = 0;
        while (written < MAX_ITEMS_PER_RUN && (item = queue.poll()) != null) {
            CometSocketConnection connection = item.connection();
            item.write();
            written++;
            if (connection.markUnflushed()) {
                touched.add(connection);
            }
        }
        for (CometSocketConnection connection : touched) {
            connection.flushNow();
        }
        touched.clear();
        if (!queue.isEmpty() && scheduled.compareAndSet(false, true)) {
            schedule(); // the rest after the loop's other tasks
        }
    }
}

package org.spectrumcomet.comet.engine.redis;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Hands this node's connected users their queued private messages after its pub/sub connection
 * came back. While it was away, Redis counted no listener on their channels and queued what was
 * sent to them; they are still connected, so no attach would ever deliver the queue.
 *
 * <p>Runs on its own thread: delivering the queue waits for Redis, which Lettuce's event loop (where
 * the reconnect is reported, once per channel) must not. Requests coalesce: while a run is waiting
 * to start, further requests add nothing, so at most one run waits (the queue's bound) and a run
 * that starts after a request covers it.
 */
final class QueueCatchUp implements AutoCloseable {

    private final Runnable deliverQueues;
    private final AtomicBoolean waiting = new AtomicBoolean();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "comet-redis-queues");
        t.setDaemon(true);
        return t;
    });

    QueueCatchUp(Runnable deliverQueues) {
        this.deliverQueues = deliverQueues;
    }

    /** Never blocks: may be called from Lettuce's event loop. */
    void request() {
        if (!waiting.compareAndSet(false, true)) {
            return;
        }
        try {
            thread.execute(() -> {
                waiting.set(false);
                deliverQueues.run();
            });
        } catch (RejectedExecutionException e) {
            // closing: the users' next connect delivers their queues
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}

package org.spectrumcomet.comet.http;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one connection's engine calls on the blocking executor, one at a time and in arrival order
 * (connect, then each command, then detach), so the event loop never waits for the engine.
 *
 * <p>Bound: at most {@link #MAX_PENDING} tasks may wait; {@link #submit} returns false beyond it
 * and the caller closes the connection (a client flooding commands faster than the engine can
 * answer them is misbehaving). {@link #submitAlways} ignores the bound, for the final detach.
 */
public final class OrderedTasks {

    public static final int MAX_PENDING = 256;
    private static final Logger LOG = LoggerFactory.getLogger(OrderedTasks.class);

    private static final long RETRY_MILLIS = 20;

    private final ExecutorService executor;
    private final ScheduledExecutorService retry;
    private final Queue<Runnable> pending = new ArrayDeque<>();
    private boolean running;

    /**
     * @param executor where the tasks run (may block)
     * @param retry where to schedule a retry when {@code executor} is momentarily full (the
     *              connection's event loop: scheduling there never blocks it)
     */
    public OrderedTasks(ExecutorService executor, ScheduledExecutorService retry) {
        this.executor = executor;
        this.retry = retry;
    }

    /** Queues a task; false when {@link #MAX_PENDING} tasks already wait. */
    public boolean submit(Runnable task) {
        return enqueue(task, false);
    }

    /** Queues a task regardless of the bound. */
    public void submitAlways(Runnable task) {
        enqueue(task, true);
    }

    private boolean enqueue(Runnable task, boolean always) {
        synchronized (pending) {
            if (!always && pending.size() >= MAX_PENDING) {
                return false;
            }
            pending.add(task);
            if (running) {
                return true;
            }
            running = true;
        }
        schedule();
        return true;
    }

    private void schedule() {
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            if (executor.isShutdown()) {
                LOG.debug("executor shut down; dropping queued connection tasks");
                synchronized (pending) {
                    pending.clear();
                    running = false;
                }
            } else {
                // The shared executor's queue is full: try again shortly, keeping the order.
                try {
                    retry.schedule(this::schedule, RETRY_MILLIS, TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException stopping) {
                    synchronized (pending) {
                        pending.clear();
                        running = false;
                    }
                }
            }
        }
    }

    private void drain() {
        Runnable task;
        synchronized (pending) {
            task = pending.poll();
            if (task == null) {
                running = false;
                return;
            }
        }
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.warn("connection task failed", e);
        }
        // One task per executor turn: a busy connection cannot starve the others.
        schedule();
    }
}

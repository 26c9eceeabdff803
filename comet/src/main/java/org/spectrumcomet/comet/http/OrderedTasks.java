package org.spectrumcomet.comet.http;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
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

    private final Executor executor;
    private final Queue<Runnable> pending = new ArrayDeque<>();
    private boolean running;

    public OrderedTasks(Executor executor) {
        this.executor = executor;
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
            LOG.debug("executor shut down; dropping queued connection tasks");
            synchronized (pending) {
                pending.clear();
                running = false;
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

package org.spectrumcomet.bridge.session;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one session's tasks one after another, in submission order, on a shared pool: the session's
 * state is only touched from here, whichever thread (library worker, comet event loop, timer) the
 * work came from. At most {@code bound} new tasks wait; past that a new task is dropped with an
 * error log naming the session (a runaway peer flooding one user must not exhaust the process's
 * memory). Continuations of work already accepted ({@link #continuation()}: a completed comet send
 * freeing its slot, an answer arriving) are never dropped: losing one would leave the session
 * waiting forever. They are bounded by the work that made them, not here. A task that throws is
 * logged and the next one runs.
 */
public final class SerialExecutor implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);

    private final Executor pool;
    private final int bound;
    private final String name;
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private boolean running;

    public SerialExecutor(Executor pool, int bound, String name) {
        this.pool = pool;
        this.bound = bound;
        this.name = name;
    }

    /** Queues new work; dropped with an error log when {@code bound} tasks already wait. */
    @Override
    public void execute(Runnable task) {
        enqueue(task, true);
    }

    /** Queues continuations of accepted work in the same order as new work, never dropped. */
    public Executor continuation() {
        return task -> enqueue(task, false);
    }

    private void enqueue(Runnable task, boolean bounded) {
        synchronized (tasks) {
            if (bounded && tasks.size() >= bound) {
                LOG.error("{}: {} tasks waiting, dropping one", name, bound);
                return;
            }
            tasks.add(task);
            if (running) {
                return;
            }
            running = true;
        }
        pool.execute(this::drain);
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (tasks) {
                next = tasks.poll();
                if (next == null) {
                    running = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                LOG.error("{}: task failed", name, e);
            }
        }
    }
}

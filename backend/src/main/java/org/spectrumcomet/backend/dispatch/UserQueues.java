package org.spectrumcomet.backend.dispatch;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-user serial queues on one shared pool of {@code workers} threads.
 *
 * <p>Bounds: each user holds at most {@code backlog} waiting tasks (beyond that {@link #submit}
 * returns false and the caller drops the frame); the pool's own queue holds at most one entry per
 * user with work, so it is bounded by the number of users. An idle user's (empty) queue stays in
 * the map for reuse while it holds at most {@value #KEEP_IDLE} queues, then idle queues are dropped. A worker runs at most
 * {@value #BATCH} tasks of one user before yielding to others. A task that runs longer than
 * {@code slowWarning} is reported once with the user's JID; it keeps its worker (Java cannot
 * safely stop it), so {@code workers} stuck handlers stall every user — size the pool for that.
 * A task that throws is logged with the user's JID; the queue goes on with the next task.
 */
public final class UserQueues implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UserQueues.class);
    static final int BATCH = 64;
    /** Idle queues are kept for reuse while the map holds at most this many; beyond, idle ones are forgotten. */
    static final int KEEP_IDLE = 10_000;

    private final ConcurrentHashMap<String, UserQueue> queues = new ConcurrentHashMap<>();
    private final ExecutorService workers;
    private final ScheduledExecutorService watch;
    private final int backlog;
    private final long slowNanos;

    public UserQueues(int workerThreads, int backlog, Duration slowWarning) {
        this(pool(workerThreads), backlog, slowWarning);
    }

    /**
     * Queues run by {@code workers} (shut down with this), e.g. one that runs tasks on the calling
     * thread, for the codec benchmark.
     */
    public UserQueues(ExecutorService workers, int backlog, Duration slowWarning) {
        this.backlog = backlog;
        this.slowNanos = slowWarning.toNanos();
        this.workers = workers;
        this.watch = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "backend-slow-handler-watch");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(50, Math.min(1000, slowWarning.toMillis() / 4));
        watch.scheduleAtFixedRate(this::reportSlow, period, period, TimeUnit.MILLISECONDS);
    }

    private static ExecutorService pool(int workerThreads) {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(workerThreads, workerThreads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "backend-worker-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /**
     * Queues {@code work} for {@code user} ("" for frames that name no user).
     *
     * @return false when the user's backlog is full or the pool is shut down (nothing was queued)
     */
    public boolean submit(String user, String label, Runnable work) {
        while (true) {
            UserQueue queue = queues.get(user);
            if (queue == null) {
                queue = queues.computeIfAbsent(user, UserQueue::new);
            }
            boolean start;
            synchronized (queue) {
                if (queue.retired) {
                    continue; // forgotten between the lookup and the lock: the map has a new one
                }
                if (queue.size() >= backlog) {
                    return false;
                }
                queue.add(new UserQueue.Task(label, work));
                start = !queue.scheduled;
                queue.scheduled = true;
            }
            if (start) {
                schedule(queue);
            }
            return true;
        }
    }

    /** Tasks waiting for {@code user} (not counting one that runs). */
    public int waiting(String user) {
        UserQueue q = queues.get(user);
        if (q == null) {
            return 0;
        }
        synchronized (q) {
            return q.size();
        }
    }

    private void schedule(UserQueue queue) {
        try {
            workers.execute(() -> drain(queue));
        } catch (RejectedExecutionException e) {
            LOG.warn("user {}: workers are shut down, dropping queued frames", queue.user);
            synchronized (queue) {
                queue.retired = true;
                queues.remove(queue.user, queue);
            }
        }
    }

    private void drain(UserQueue queue) {
        for (int i = 0; i < BATCH; i++) {
            UserQueue.Task task = next(queue);
            if (task == null) {
                return;
            }
            queue.started(task);
            try {
                task.work().run();
            } catch (RuntimeException | Error e) {
                LOG.error("user {}: {} handler failed; other users are not affected", queue.user, task.label(), e);
            } finally {
                queue.finished();
            }
        }
        schedule(queue);
    }

    /** The next task, or null after marking the queue idle (and forgetting it past {@link #KEEP_IDLE}). */
    private UserQueue.Task next(UserQueue queue) {
        synchronized (queue) {
            UserQueue.Task task = queue.poll();
            if (task == null) {
                queue.scheduled = false;
                // kept for the user's next frame: no new queue, map insert and removal per frame
                if (queues.size() > KEEP_IDLE) {
                    queue.retired = true;
                    queues.remove(queue.user, queue);
                }
            }
            return task;
        }
    }

    private void reportSlow() {
        long now = System.nanoTime();
        for (UserQueue q : queues.values()) {
            String label = q.currentLabel;
            if (label != null && !q.warnedSlow && now - q.currentStartNanos > slowNanos) {
                q.warnedSlow = true;
                LOG.warn("user {}: {} handler has been running for {} ms; this user's later frames wait ({} queued)",
                        q.user, label, (now - q.currentStartNanos) / 1_000_000, q.size());
            }
        }
    }

    /** Stops accepting work, lets running tasks finish for up to {@code grace}, then interrupts them. */
    public void shutdown(Duration grace) {
        workers.shutdown();
        watch.shutdownNow();
        try {
            if (!workers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        shutdown(Duration.ofSeconds(2));
    }
}

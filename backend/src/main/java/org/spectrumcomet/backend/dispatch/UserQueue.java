package org.spectrumcomet.backend.dispatch;

import java.util.ArrayDeque;

/**
 * One user's pending work, run in arrival order by at most one worker at a time. Bounded: when
 * {@code backlog} tasks are waiting, {@link UserQueues#submit} refuses new ones and the frame is
 * dropped with an error log — a user whose handler is stuck cannot exhaust memory, and other users
 * are unaffected. Read and changed only under its own monitor, by {@link UserQueues}: a lookup is a
 * plain map read and one lock, not a map update per frame.
 */
final class UserQueue {

    /** A unit of work and what to call it in logs (the frame type). */
    record Task(String label, Runnable work) {
    }

    final String user;
    private final ArrayDeque<Task> tasks = new ArrayDeque<>();
    /** True while a worker owns this queue (running or scheduled to run). */
    boolean scheduled;
    /** True once removed from the map: a submitter holding it looks the user up again. */
    boolean retired;

    volatile String currentLabel;
    volatile long currentStartNanos;
    volatile boolean warnedSlow;

    UserQueue(String user) {
        this.user = user;
    }

    int size() {
        return tasks.size();
    }

    void add(Task task) {
        tasks.add(task);
    }

    Task poll() {
        return tasks.poll();
    }

    void started(Task task) {
        currentLabel = task.label();
        warnedSlow = false;
        currentStartNanos = System.nanoTime();
    }

    void finished() {
        currentLabel = null;
    }
}

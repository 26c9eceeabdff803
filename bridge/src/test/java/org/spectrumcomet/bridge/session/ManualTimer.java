package org.spectrumcomet.bridge.session;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link SessionTimer} whose tasks run only when the test says so. */
public final class ManualTimer implements SessionTimer {

    /** One scheduled task. */
    public static final class Task implements Cancellable {
        public final Duration delay;
        final Runnable task;
        public volatile boolean cancelled;
        public volatile boolean ran;

        Task(Duration delay, Runnable task) {
            this.delay = delay;
            this.task = task;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    public final List<Task> tasks = new CopyOnWriteArrayList<>();

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        Task t = new Task(delay, task);
        tasks.add(t);
        return t;
    }

    /** Runs every live task scheduled with {@code delay} (those scheduled meanwhile wait for the next call). */
    public int fire(Duration delay) {
        int n = 0;
        for (Task t : List.copyOf(tasks)) {
            if (!t.cancelled && !t.ran && t.delay.equals(delay)) {
                t.ran = true;
                t.task.run();
                n++;
            }
        }
        return n;
    }

    /** True when a live task with this delay waits. */
    public boolean pending(Duration delay) {
        return tasks.stream().anyMatch(t -> !t.cancelled && !t.ran && t.delay.equals(delay));
    }
}

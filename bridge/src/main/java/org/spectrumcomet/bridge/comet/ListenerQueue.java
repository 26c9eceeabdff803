package org.spectrumcomet.bridge.comet;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one socket's listener calls one at a time, in order, on a (possibly shared) executor.
 *
 * <p>Bound: when {@code max} calls are waiting, {@code pause} runs (the socket stops reading, so
 * TCP pushes back on the server); once the backlog is down to half, {@code resume} runs. Calls
 * already read when the pause takes effect are still queued, so the backlog can exceed
 * {@code max} by what one socket read holds.
 */
final class ListenerQueue {

    private static final Logger log = LoggerFactory.getLogger(ListenerQueue.class);

    private final Executor executor;
    private final int max;
    private final Runnable pause;
    private final Runnable resume;
    private final String owner;
    private final Queue<Runnable> calls = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean paused = new AtomicBoolean();

    ListenerQueue(Executor executor, int max, Runnable pause, Runnable resume, String owner) {
        this.executor = executor;
        this.max = max;
        this.pause = pause;
        this.resume = resume;
        this.owner = owner;
    }

    void add(Runnable call) {
        calls.add(call);
        if (size.incrementAndGet() >= max && paused.compareAndSet(false, true)) {
            log.info("{}: listener is {} events behind, pausing reads", owner, max);
            pause.run();
        }
        schedule();
    }

    private void schedule() {
        if (!calls.isEmpty() && draining.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException e) {
                draining.set(false);
                log.warn("{}: listener executor refused work; {} events dropped", owner, size.get());
                calls.clear();
                size.set(0);
            }
        }
    }

    private void drain() {
        Runnable call;
        while ((call = calls.poll()) != null) {
            try {
                call.run();
            } catch (RuntimeException e) {
                log.warn("{}: listener failed: {}", owner, e.toString(), e);
            }
            if (size.decrementAndGet() <= max / 2 && paused.compareAndSet(true, false)) {
                resume.run();
            }
        }
        draining.set(false);
        schedule();
    }
}

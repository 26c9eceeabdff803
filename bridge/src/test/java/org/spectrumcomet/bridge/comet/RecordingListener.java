package org.spectrumcomet.bridge.comet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Test listener: records everything and lets a test wait (with a deadline) for a matching entry. */
final class RecordingListener implements CometSocketListener {

    private final List<Object> seen = new ArrayList<>();

    record LinkLost(String reason) {
    }

    record LinkRestored() {
    }

    record KeyRejected() {
    }

    @Override
    public synchronized void onEvent(CometEvent event) {
        seen.add(event);
        notifyAll();
    }

    @Override
    public synchronized void onLinkLost(String reason) {
        seen.add(new LinkLost(reason));
        notifyAll();
    }

    @Override
    public synchronized void onLinkRestored() {
        seen.add(new LinkRestored());
        notifyAll();
    }

    @Override
    public synchronized void onKeyRejected() {
        seen.add(new KeyRejected());
        notifyAll();
    }

    synchronized List<Object> seen() {
        return List.copyOf(seen);
    }

    /** Waits until an entry of {@code type} matching {@code test} arrives; fails after {@code timeout}. */
    synchronized <T> T await(Class<T> type, Predicate<T> test, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int checked = 0;
        while (true) {
            for (; checked < seen.size(); checked++) {
                Object o = seen.get(checked);
                if (type.isInstance(o) && test.test(type.cast(o))) {
                    return type.cast(o);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no matching " + type.getSimpleName() + " within " + timeout + "; seen: " + seen);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}

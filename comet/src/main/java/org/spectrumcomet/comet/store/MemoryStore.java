package org.spectrumcomet.comet.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.spectrumcomet.comet.engine.PipeMessage;
import org.spectrumcomet.comet.engine.QueuedMessage;

/**
 * A {@link CometStore} in the heap: everything is lost when the process ends ({@code
 * --in-memory}). Each pipe's history is bounded by its {@code keep}, each user's queue by the
 * engine's {@code maxQueued}; one monitor guards all maps (every call is a few map operations).
 */
public final class MemoryStore implements CometStore {

    private record UserRef(String tenant, long userId) {
    }

    private record PipeRef(String tenant, String pipe) {
    }

    private final Map<UserRef, String> keys = new HashMap<>();
    private final Map<PipeRef, Integer> lengths = new HashMap<>();
    private final Map<PipeRef, Deque<PipeMessage>> histories = new HashMap<>();
    private final Map<UserRef, Deque<QueuedMessage>> queues = new HashMap<>();
    private final Map<UserRef, Long> lastSeen = new HashMap<>();

    @Override
    public synchronized void putUserKey(String tenant, long userId, String key) {
        keys.put(new UserRef(tenant, userId), key);
    }

    @Override
    public synchronized Optional<String> userKey(String tenant, long userId) {
        return Optional.ofNullable(keys.get(new UserRef(tenant, userId)));
    }

    @Override
    public synchronized boolean deleteUserKey(String tenant, long userId) {
        return keys.remove(new UserRef(tenant, userId)) != null;
    }

    @Override
    public synchronized void putHistoryLength(String tenant, String pipe, int length, int keep) {
        PipeRef ref = new PipeRef(tenant, pipe);
        lengths.put(ref, length);
        trim(ref, keep);
    }

    @Override
    public synchronized OptionalInt historyLength(String tenant, String pipe) {
        Integer length = lengths.get(new PipeRef(tenant, pipe));
        return length == null ? OptionalInt.empty() : OptionalInt.of(length);
    }

    @Override
    public synchronized void deletePipe(String tenant, String pipe) {
        PipeRef ref = new PipeRef(tenant, pipe);
        lengths.remove(ref);
        histories.remove(ref);
    }

    @Override
    public synchronized void appendHistory(String tenant, PipeMessage message, int keep) {
        PipeRef ref = new PipeRef(tenant, message.pipe());
        histories.computeIfAbsent(ref, r -> new ArrayDeque<>()).addLast(message);
        trim(ref, keep);
    }

    private void trim(PipeRef ref, int keep) {
        Deque<PipeMessage> history = histories.get(ref);
        if (history == null) {
            return;
        }
        while (history.size() > keep) {
            history.removeFirst();
        }
        if (history.isEmpty()) {
            histories.remove(ref);
        }
    }

    @Override
    public synchronized List<PipeMessage> history(String tenant, String pipe, int limit) {
        Deque<PipeMessage> history = histories.get(new PipeRef(tenant, pipe));
        if (history == null || limit <= 0) {
            return List.of();
        }
        List<PipeMessage> all = new ArrayList<>(history);
        return List.copyOf(all.subList(Math.max(0, all.size() - limit), all.size()));
    }

    @Override
    public synchronized void clearHistory(String tenant, String pipe) {
        histories.remove(new PipeRef(tenant, pipe));
    }

    @Override
    public synchronized boolean deleteHistoryMessage(String tenant, String pipe, String messageId) {
        Deque<PipeMessage> history = histories.get(new PipeRef(tenant, pipe));
        return history != null && history.removeIf(m -> m.id().equals(messageId));
    }

    @Override
    public synchronized boolean deleteHistoryMessage(String tenant, String messageId) {
        for (var it = histories.entrySet().iterator(); it.hasNext(); ) {
            var entry = it.next();
            if (entry.getKey().tenant().equals(tenant) && entry.getValue().removeIf(m -> m.id().equals(messageId))) {
                if (entry.getValue().isEmpty()) {
                    it.remove();
                }
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized boolean enqueue(String tenant, QueuedMessage message, int maxQueued) {
        Deque<QueuedMessage> queue = queues.computeIfAbsent(new UserRef(tenant, message.userId()),
                r -> new ArrayDeque<>());
        if (queue.size() >= maxQueued) {
            return false;
        }
        queue.addLast(message);
        return true;
    }

    @Override
    public synchronized List<QueuedMessage> queue(String tenant, long userId, int limit) {
        Deque<QueuedMessage> queue = queues.get(new UserRef(tenant, userId));
        if (queue == null) {
            return List.of();
        }
        return queue.stream().limit(Math.max(0, limit)).toList();
    }

    @Override
    public synchronized boolean dequeue(String tenant, long userId, String entryId) {
        UserRef ref = new UserRef(tenant, userId);
        Deque<QueuedMessage> queue = queues.get(ref);
        boolean removed = queue != null && queue.removeIf(m -> m.id().equals(entryId));
        if (queue != null && queue.isEmpty()) {
            queues.remove(ref);
        }
        return removed;
    }

    @Override
    public synchronized void clearQueue(String tenant, long userId) {
        queues.remove(new UserRef(tenant, userId));
    }

    @Override
    public synchronized void putLastSeen(String tenant, long userId, long unixSeconds) {
        lastSeen.put(new UserRef(tenant, userId), unixSeconds);
    }

    @Override
    public synchronized OptionalLong lastSeen(String tenant, long userId) {
        Long time = lastSeen.get(new UserRef(tenant, userId));
        return time == null ? OptionalLong.empty() : OptionalLong.of(time);
    }

    @Override
    public void close() {
        // nothing to release
    }

    @Override
    public synchronized long queuedMessages() {
        long total = 0;
        for (Deque<QueuedMessage> queue : queues.values()) {
            total += queue.size();
        }
        return total;
    }
}

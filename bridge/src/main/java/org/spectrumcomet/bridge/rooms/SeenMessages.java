package org.spectrumcomet.bridge.rooms;

import java.util.Iterator;
import java.util.LinkedHashSet;

/**
 * The keys of the last {@code capacity} messages delivered in one room, and the newest comet send
 * time seen there: what keeps echoes, history and replays after a reconnect free of duplicates.
 * Past the capacity the oldest keys are forgotten; a replay therefore also skips messages older
 * than {@link #lastTime()}.
 */
final class SeenMessages {

    private final int capacity;
    private final LinkedHashSet<String> keys = new LinkedHashSet<>();
    private long lastTime;

    SeenMessages(int capacity) {
        this.capacity = capacity;
    }

    /** Records {@code key}; false when it was already seen (then nothing changes). */
    boolean add(String key, long sentAt) {
        if (!keys.add(key)) {
            return false;
        }
        if (keys.size() > capacity) {
            Iterator<String> oldest = keys.iterator();
            oldest.next();
            oldest.remove();
        }
        lastTime = Math.max(lastTime, sentAt);
        return true;
    }

    boolean contains(String key) {
        return keys.contains(key);
    }

    /** Unix seconds of the newest message seen (0 = none). */
    long lastTime() {
        return lastTime;
    }
}

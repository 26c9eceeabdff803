package org.spectrumcomet.soak;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What one soak run does.
 *
 * @param duration how long traffic flows (setup and drain come on top)
 * @param users XMPP users through the backend; a twentieth of them (at least 2) churn
 * @param web web users on their own WebSockets
 * @param rate messages per second over all kinds (see {@link TrafficKind} for the mix)
 * @param interval how often a report row is printed (and the children probed)
 * @param lossTimeout a delivery not there this long after its intended send time is lost
 * @param workDir where logs, the comet server's files and the summary go
 * @param backendCommand the backend as Spectrum's {@code service.backend} would name it
 * @param seed the random choice of senders and recipients
 * @param roomMemory the bridge's {@code room_memory} (message keys kept per joined room against
 *                   duplicates, a bounded cache): small, so it is full within the first minute and
 *                   its growth to the bound is not mistaken for a leak; 0 keeps the bridge's default
 */
public record SoakSettings(Duration duration, int users, int web, double rate, Duration interval,
                           Duration lossTimeout, Path workDir, String backendCommand, long seed,
                           int roomMemory) {

    public SoakSettings {
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(lossTimeout, "lossTimeout");
        Objects.requireNonNull(workDir, "workDir");
        Objects.requireNonNull(backendCommand, "backendCommand");
        if (users < 4) {
            throw new IllegalArgumentException("--users must be at least 4 (two stable, two churning): " + users);
        }
        if (web < 1) {
            throw new IllegalArgumentException("--web must be at least 1: " + web);
        }
        if (!(rate > 0) || rate > 100_000) {
            throw new IllegalArgumentException("--rate must be in (0, 100000] messages per second: " + rate);
        }
        if (roomMemory != 0 && (roomMemory < 10 || roomMemory > 100_000)) {
            throw new IllegalArgumentException("--room-memory must be 0 (the bridge's default) or 10..100000: " + roomMemory);
        }
        if (duration.isNegative() || duration.isZero() || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("duration and interval must be positive");
        }
    }

    /** Lines appended to the bridge's {@code [comet]} section. */
    public String cometExtras() {
        return roomMemory == 0 ? "" : "room_memory = " + roomMemory + "\n";
    }

    /** Users that log in and out all the time. */
    public int churning() {
        return Math.max(2, users / 20);
    }

    /** Users that stay logged in and carry the messages. */
    public int stable() {
        return users - churning();
    }

    /** Rooms: one per ten stable users. */
    public int rooms() {
        return Math.max(1, stable() / 10);
    }

    /** Web users that sit in a room (five per room at most), the rest only chat and watch presence. */
    public int webInRooms() {
        return Math.min(web, rooms() * 5);
    }
}

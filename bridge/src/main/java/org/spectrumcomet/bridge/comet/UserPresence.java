package org.spectrumcomet.bridge.comet;

/**
 * A row of {@code users_time}: {@code 0} = online now, a unix time = last connection closed
 * then, {@code -1} (or no row) = never seen since the server's presence store was reset.
 *
 * @param userId   the comet user id
 * @param state    what the time means
 * @param lastSeen unix seconds when {@link State#OFFLINE}, else 0
 */
public record UserPresence(long userId, State state, long lastSeen) {

    public enum State { ONLINE, OFFLINE, UNKNOWN }

    /** Reads the {@code time} column as both servers send it (always text). */
    public static UserPresence fromTime(long userId, String time) {
        long t;
        try {
            t = Long.parseLong(time == null ? "" : time.trim());
        } catch (NumberFormatException e) {
            return new UserPresence(userId, State.UNKNOWN, 0);
        }
        if (t == 0) {
            return new UserPresence(userId, State.ONLINE, 0);
        }
        return t > 0 ? new UserPresence(userId, State.OFFLINE, t) : new UserPresence(userId, State.UNKNOWN, 0);
    }
}

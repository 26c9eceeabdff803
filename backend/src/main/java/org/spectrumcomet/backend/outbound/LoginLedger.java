package org.spectrumcomet.backend.outbound;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Where each user stands between LOGIN and LOGOUT, so that the library can enforce the two rules
 * the main relies on (spec §5.3, §5.4): exactly one CONNECTED or DISCONNECTED answers a LOGIN
 * (a DISCONNECTED may still follow a CONNECTED), and nothing is sent for a user after LOGOUT.
 *
 * <pre>
 *   LOGIN → AWAITING_ANSWER ─CONNECTED→ CONNECTED ─DISCONNECTED→ (gone)
 *                          └─DISCONNECTED→ (gone)          LOGOUT → (gone) from any state
 * </pre>
 * Transitions are taken when a frame is dispatched on the user's queue, so a LOGOUT followed by a
 * new LOGIN for the same user are seen in order.
 */
public final class LoginLedger {

    enum State { AWAITING_ANSWER, CONNECTED }

    private final ConcurrentMap<String, State> users = new ConcurrentHashMap<>();

    /** LOGIN arrived: a (re)connect; any earlier session of that user no longer counts. */
    public void loginReceived(String user) {
        users.put(user, State.AWAITING_ANSWER);
    }

    /** LOGOUT arrived: nothing may be answered for that user any more. */
    public void loggedOut(String user) {
        users.remove(user);
    }

    /** True while a LOGIN of the user has not been answered. */
    public boolean isAwaitingAnswer(String user) {
        return users.get(user) == State.AWAITING_ANSWER;
    }

    /** True when the user is between LOGIN (or CONNECTED) and LOGOUT / DISCONNECTED. */
    public boolean isLoggedIn(String user) {
        return users.containsKey(user);
    }

    /** Users connected now (CONNECTED sent, no LOGOUT or DISCONNECTED since); counts, O(users). */
    public int connectedCount() {
        int n = 0;
        for (State state : users.values()) {
            if (state == State.CONNECTED) {
                n++;
            }
        }
        return n;
    }

    /** Takes the CONNECTED transition; false when CONNECTED is not allowed now. */
    boolean claimConnected(String user) {
        boolean[] allowed = {false};
        users.computeIfPresent(user, (u, state) -> {
            allowed[0] = state == State.AWAITING_ANSWER;
            return State.CONNECTED;
        });
        return allowed[0];
    }

    /** Takes the DISCONNECTED transition; false when DISCONNECTED is not allowed now. */
    boolean claimDisconnected(String user) {
        return users.remove(user) != null;
    }
}

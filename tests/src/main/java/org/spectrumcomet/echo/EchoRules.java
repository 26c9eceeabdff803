package org.spectrumcomet.echo;

import java.util.List;

/**
 * The echo backend's fake legacy network, shared by the backend and its conformance driver so
 * both sides agree: which credentials fail and how, the fixed roster, the room occupants.
 */
public final class EchoRules {

    /** A password that fails with AUTHENTICATION_FAILED (2). */
    public static final String BAD_PASSWORD = "bad";
    /** A legacy name that fails with INVALID_USERNAME (1). */
    public static final String INVALID_NAME = "invalid!";
    /** A legacy name whose first LOGIN (per process and JID) fails with NETWORK_ERROR (0). */
    public static final String NETWORK_ERROR_ONCE = "neterr";
    /** A legacy name whose every LOGIN fails with NETWORK_ERROR (0). */
    public static final String NETWORK_ERROR_ALWAYS = "neterr-always";

    /** One contact of the fixed roster. */
    public record Contact(String name, String alias, String group, int status, String statusMessage) {
    }

    /** Announced to every user at login, before CONNECTED. Status numbers are pbnetwork.StatusType. */
    public static final List<Contact> ROSTER = List.of(
            new Contact("alice", "Alice Echo", "Echo", 0, ""),
            new Contact("bob", "Bob Echo", "Echo", 1, "gone fishing"),
            new Contact("carol", "Carol Echo", "Friends", 5, ""));

    /** The room occupants other than the user; the first one is a moderator. */
    public static final List<String> OCCUPANTS = List.of("echo-bot", "echo-fan");

    /** A room message starting with this makes echo-bot say the rest. */
    public static final String BOT_PREFIX = "bot: ";

    /** History lines replayed on join (from echo-bot, with timestamps). */
    public static final int HISTORY_LINES = 2;

    private EchoRules() {
    }
}

package org.spectrumcomet.comet.ws;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The argument of the {@code subscription} command (spec §I.4.4): pipe names separated by any
 * character outside {@code [A-Za-z0-9_-]} ({@code pipe.event} is two names, as in CppComet).
 *
 * <p>Limits: the argument at most {@link #MAX_ARGUMENT_BYTES} bytes and every name shorter than
 * {@link #MAX_NAME} characters (else the command is refused and the connection closed); at most
 * {@link #MAX_PIPES} names (the rest are dropped with a notice). Where CppComet is wrong we do it
 * right: a {@code private_*} name of an anonymous client is skipped <em>without</em> dropping the
 * names after it, and a one-character name is skipped instead of silently ending the list.
 *
 * @param pipes the pipes to subscribe, in order, without duplicates
 * @param notice a non-fatal problem to report to the client, or null
 */
public record SubscriptionList(List<String> pipes, String notice) {

    public static final int MAX_ARGUMENT_BYTES = 2176;
    public static final int MAX_PIPES = 32;
    public static final int MAX_NAME = 64;
    public static final String PRIVATE_PREFIX = "private_";

    /**
     * @param authorized whether the client proved a user id ({@code private_*} needs it)
     * @throws Refused when the argument or a name is too long
     */
    public static SubscriptionList parse(String argument, boolean authorized) throws Refused {
        if (argument.getBytes(StandardCharsets.UTF_8).length > MAX_ARGUMENT_BYTES) {
            throw new Refused("Subscription list is too long (more than " + MAX_ARGUMENT_BYTES + " bytes)");
        }
        Set<String> pipes = new LinkedHashSet<>();
        List<String> skipped = new ArrayList<>();
        boolean tooMany = false;
        for (String name : argument.split("[^A-Za-z0-9_-]+")) {
            if (name.length() >= MAX_NAME) {
                throw new Refused("Channel name is too long");
            }
            if (name.length() < 2) {
                continue;
            }
            if (!authorized && name.startsWith(PRIVATE_PREFIX)) {
                skipped.add(name);
            } else if (pipes.size() < MAX_PIPES) {
                pipes.add(name);
            } else {
                tooMany = true;
            }
        }
        String notice = null;
        if (tooMany) {
            notice = "Too many letters: at most " + MAX_PIPES + " pipes, the rest were dropped";
        } else if (!skipped.isEmpty()) {
            notice = "Anonymous connections cannot subscribe to private_ pipes: " + String.join(", ", skipped);
        }
        return new SubscriptionList(List.copyOf(pipes), notice);
    }

    /** A subscription argument that closes the connection. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message, null, false, false);
        }
    }
}

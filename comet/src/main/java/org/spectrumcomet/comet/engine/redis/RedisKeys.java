package org.spectrumcomet.comet.engine.redis;

/**
 * The name of every Redis key and channel the engine uses. Everything about a tenant starts with
 * {@code <prefix>t:<tenant>:}, so no command built here can reach another tenant's data. Pipe names and user ids are
 * validated before they get here ({@code [A-Za-z0-9_-]}, digits), so they cannot contain the
 * {@code :} separator. Keys of no tenant: the nodes' liveness keys, the set of nodes and each
 * node's list of the users it holds (all about the network's machinery, no tenant data).
 */
final class RedisKeys {

    private final String prefix;

    RedisKeys(String prefix) {
        this.prefix = prefix;
    }

    private String tenant(String tenant) {
        return prefix + "t:" + tenant + ":";
    }

    /** Channel of one pipe's messages. */
    String pipeChannel(String tenant, String pipe) {
        return tenant(tenant) + "pipe:" + pipe;
    }

    /** Counter numbering one pipe's messages (never expires: numbers must only grow). */
    String pipeSequence(String tenant, String pipe) {
        return tenant(tenant) + "seq:" + pipe;
    }

    /** Stream of one pipe's recent envelopes, entry id {@code <sequence>-0}: what a node replays after a gap. */
    String pipeReplay(String tenant, String pipe) {
        return tenant(tenant) + "replay:" + pipe;
    }

    /** Channel of one user's private messages and commands (close), listened to by nodes holding the user. */
    String userChannel(String tenant, long userId) {
        return tenant(tenant) + "user:" + userId;
    }

    /** Hash pipe → history length ({@code pipes_settings}). */
    String settings(String tenant) {
        return tenant(tenant) + "settings";
    }

    /** List of a pipe's kept messages, oldest first. */
    String history(String tenant, String pipe) {
        return tenant(tenant) + "history:" + pipe;
    }

    /** Hash message id → pipe, for deleting a kept message by its id alone. */
    String historyIds(String tenant) {
        return tenant(tenant) + "history-ids";
    }

    /** Hash user id → key ({@code users_auth}). */
    String userKeys(String tenant) {
        return tenant(tenant) + "auth";
    }

    /** List of a user's undelivered private messages, oldest first. */
    String queue(String tenant, long userId) {
        return tenant(tenant) + "queue:" + userId;
    }

    /** Sorted set {@code <node>/<session>} of the user's connections, in attach order. */
    String devices(String tenant, long userId) {
        return tenant(tenant) + "devices:" + userId;
    }

    /** Set of node ids holding at least one connection of the user. */
    String online(String tenant, long userId) {
        return tenant(tenant) + "online:" + userId;
    }

    /** Hash user id → unix seconds their last connection closed. */
    String lastSeen(String tenant) {
        return tenant(tenant) + "seen";
    }

    /** Hash {@code <node>/<session>} → subscriber description, for counts across nodes. */
    String members(String tenant, String pipe) {
        return tenant(tenant) + "members:" + pipe;
    }

    /** Prefix of the nodes' liveness keys; the node id follows. */
    String nodePrefix() {
        return prefix + "node:";
    }

    /** Set of every node id that registered and was not yet swept. */
    String nodes() {
        return prefix + "nodes";
    }

    /** Set of {@code <tenant>/<user>} a node holds, for the sweep after its death. */
    String nodeUsers(String node) {
        return prefix + "node-users:" + node;
    }

    /** The prefix itself, for scripts that build keys of several tenants (the sweep). */
    String prefix() {
        return prefix;
    }
}

package org.spectrumcomet.comet.metrics;

/**
 * What a client hands the server to deliver: the {@code protocol} and {@code kind} labels of
 * {@code comet_messages_in_total}. A fixed set, so each has its counter resolved once.
 */
public enum Inbound {
    /** {@code INSERT INTO pipes_messages}: a publish to a pipe. */
    COMETQL_PIPES_MESSAGES(Protocol.COMETQL, "pipes_messages"),
    /** {@code INSERT INTO users_messages}: a private message. */
    COMETQL_USERS_MESSAGES(Protocol.COMETQL, "users_messages"),
    /** CppComet WebSocket {@code web_pipe2}: a browser publishing to a pipe. */
    WEB_PIPE2(Protocol.WEBSOCKET, "web_pipe2"),
    /** JSON API {@code POST /comet/Comet/Publish}: a private message. */
    JSON_PUBLISH(Protocol.JSON_API, "publish"),
    /** JSON API {@code POST /comet/Comet/Broadcast}: a publish to a room or the world. */
    JSON_BROADCAST(Protocol.JSON_API, "broadcast"),
    /** The chat page's {@code send} to a user: a private message, as {@code users_messages}. */
    CHAT_PAGE_USERS_MESSAGES(Protocol.CHAT_PAGE, "users_messages"),
    /** The chat page's {@code send} to a pipe (a room), as {@code pipes_messages}. */
    CHAT_PAGE_PIPES_MESSAGES(Protocol.CHAT_PAGE, "pipes_messages");

    private final Protocol protocol;
    private final String kind;

    Inbound(Protocol protocol, String kind) {
        this.protocol = protocol;
        this.kind = kind;
    }

    public Protocol protocol() {
        return protocol;
    }

    public String kind() {
        return kind;
    }
}

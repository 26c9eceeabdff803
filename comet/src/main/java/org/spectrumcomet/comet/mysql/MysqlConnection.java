package org.spectrumcomet.comet.mysql;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's protocol state: login (with an optional switch to mysql_native_password), then
 * commands. Not thread-safe: {@link MysqlChannelHandler} calls it for one packet at a time.
 */
public final class MysqlConnection {
    /** ERR code for refused logins (CometQL's code 16). */
    public static final int AUTH_FAILURE = 16;
    static final String AUTH_STATE = "28000";
    /** ERR code for unsupported commands (CometQL's "not implemented"). */
    public static final int NOT_IMPLEMENTED = 2;
    static final String PREPARE_REFUSED = "Prepared statements are not supported by CometQL; "
            + "use client-side prepares (useServerPrepStmts=false)";

    private static final Logger log = LoggerFactory.getLogger(MysqlConnection.class);

    /** An answer, and whether the connection closes after it is written. */
    public record Reply(List<ServerMessage> messages, boolean close) {
        static Reply of(ServerMessage message) {
            return new Reply(List.of(message), false);
        }

        static Reply closing(ServerMessage message) {
            return new Reply(List.of(message), true);
        }

        static final Reply NONE = new Reply(List.of(), false);
        static final Reply QUIT = new Reply(List.of(), true);
    }

    private enum State { LOGIN, AUTH_SWITCH, COMMANDS }

    private final MysqlService service;
    private final SocketAddress remote;
    private final byte[] salt = NativePassword.newSalt();
    private final long connectionId;
    private State state = State.LOGIN;
    private HandshakeResponse login;
    private MysqlSession session;
    /** Read by the event loop's login deadline, written by the statement thread. */
    private volatile boolean loggedIn;

    public MysqlConnection(MysqlService service, SocketAddress remote, long connectionId) {
        this.service = service;
        this.remote = remote;
        this.connectionId = connectionId;
    }

    public HandshakeGreeting greeting() {
        return new HandshakeGreeting(service.serverVersion(), connectionId, salt.clone());
    }

    /** Handles one client packet (does not release it). */
    public Reply handle(MysqlPacket packet) {
        int next = (packet.sequence() + 1) & 0xFF;
        return switch (state) {
            case LOGIN -> login(packet.content(), next);
            case AUTH_SWITCH -> finishLogin(ByteBufUtil.getBytes(packet.content()), next);
            case COMMANDS -> command(packet.content(), next);
        };
    }

    /**
     * Answers the packet on the calling thread when the session can without blocking (a COM_QUERY
     * it answers from memory); null otherwise, leaving the packet untouched for {@link #handle}.
     */
    public Reply handleWithoutBlocking(MysqlPacket packet) {
        ByteBuf payload = packet.content();
        if (state != State.COMMANDS || payload.readableBytes() < 2
                || payload.getUnsignedByte(payload.readerIndex()) != Command.QUERY.code()) {
            return null;
        }
        String sql = payload.toString(payload.readerIndex() + 1, payload.readableBytes() - 1, StandardCharsets.UTF_8);
        return session.queryWithoutBlocking(sql)
                .map(result -> Reply.of(new QueryReply((packet.sequence() + 1) & 0xFF, result)))
                .orElse(null);
    }

    /** True once the client has logged in (its first command may follow). */
    public boolean isLoggedIn() {
        return loggedIn;
    }

    /** The connection is gone; ends the session if one was opened. */
    public void close() {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    private Reply login(ByteBuf payload, int next) {
        if (HandshakeResponse.isSslRequest(payload)) {
            return refuse(next, "TLS is not offered by this server; connect without SSL");
        }
        try {
            login = HandshakeResponse.parse(payload);
        } catch (IllegalArgumentException e) {
            return refuse(next, "Authentication failure: " + e.getMessage());
        }
        String plugin = login.authPlugin();
        if (!plugin.isEmpty() && !plugin.equals(NativePassword.PLUGIN)) {
            state = State.AUTH_SWITCH;
            return Reply.of(new AuthSwitchRequest(next, salt.clone()));
        }
        return finishLogin(login.authResponse(), next);
    }

    private Reply finishLogin(byte[] authResponse, int next) {
        Optional<String> password = service.passwordOf(login.user());
        if (password.isEmpty() || !NativePassword.matches(password.get(), salt, authResponse)) {
            log.info("CometQL login refused for user '{}' from {}", login.user(), remote);
            return refuse(next, "Authentication failure");
        }
        MysqlSession opened = service.open(login.user(), remote);
        if (!login.database().isEmpty()) {
            QueryResult used = opened.useDatabase(login.database());
            if (used instanceof QueryResult.Failure) {
                opened.close();
                return Reply.closing(new QueryReply(next, used));
            }
        }
        session = opened;
        loggedIn = true;
        state = State.COMMANDS;
        return Reply.of(new QueryReply(next, QueryResult.ok()));
    }

    private Reply command(ByteBuf payload, int next) {
        if (!payload.isReadable()) {
            return Reply.of(new QueryReply(next, QueryResult.error(3, "Empty command packet")));
        }
        int command = payload.readUnsignedByte();
        Command known = Command.of(command);
        QueryResult result = switch (known) {
            case QUIT -> null;
            case INIT_DB -> session.useDatabase(rest(payload));
            case QUERY -> session.query(rest(payload));
            case FIELD_LIST -> new QueryResult.EndOfFields();
            case PING, RESET_CONNECTION -> QueryResult.ok();
            case STMT_PREPARE, STMT_EXECUTE -> QueryResult.error(NOT_IMPLEMENTED, PREPARE_REFUSED);
            // These two never get an answer in the protocol; replying would desynchronise the client.
            case STMT_CLOSE, STMT_SEND_LONG_DATA -> null;
            default -> QueryResult.error(NOT_IMPLEMENTED, "Command " + known.label(command)
                    + " is not supported by CometQL");
        };
        if (result == null) {
            return known == Command.QUIT ? Reply.QUIT : Reply.NONE;
        }
        return Reply.of(new QueryReply(next, result));
    }

    private static String rest(ByteBuf payload) {
        return payload.toString(StandardCharsets.UTF_8);
    }

    private static Reply refuse(int sequence, String message) {
        return Reply.closing(new QueryReply(sequence,
                new QueryResult.Failure(AUTH_FAILURE, AUTH_STATE, message)));
    }
}

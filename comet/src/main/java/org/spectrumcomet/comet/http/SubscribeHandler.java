package org.spectrumcomet.comet.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.spectrumcomet.comet.auth.UserKeyCheck;
import org.spectrumcomet.comet.engine.CometEngine;
import org.spectrumcomet.comet.engine.Names;
import org.spectrumcomet.comet.engine.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectrumcomet.comet.store.CometStoreException;

/**
 * {@code GET /comet/Comet/Subscribe} after the upgrade: AUTH (first), JOIN, heartbeats; engine
 * events leave as PUSH frames through {@link SubscribeConnection}. The tenant is the AUTH frame's
 * {@code tenant}, else the upgrade request's {@code X-Comet-Tenant} header, else "0".
 *
 * <p>Every uplink frame is answered or acted on; anything else closes with 1008 and a reason
 * (bad JSON, a frame before AUTH, a refused token, a second AUTH, an invalid room name). A
 * connection without any uplink frame (heartbeats included) for the idle timeout is closed with
 * 1001; the server sends a heartbeat itself when it has sent nothing for half that time. Engine calls run in the connection's {@link OrderedTasks}.
 */
public final class SubscribeHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

    private static final Logger LOG = LoggerFactory.getLogger(SubscribeHandler.class);

    private final SubscribeConnection connection;
    private final String headerTenant;
    private final CometEngine engine;
    private final UserKeyCheck keys;
    private final World world;
    private final OrderedTasks tasks;
    private volatile String tenant;
    private boolean authSeen; // event loop only

    public SubscribeHandler(SubscribeConnection connection, String headerTenant, CometEngine engine,
                            World world, OrderedTasks tasks) {
        this.connection = connection;
        this.headerTenant = headerTenant == null || headerTenant.isBlank() ? "0" : headerTenant.strip();
        this.engine = engine;
        this.keys = new UserKeyCheck(engine);
        this.world = world;
        this.tasks = tasks;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (frame instanceof PingWebSocketFrame) {
            ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
            return;
        } else if (frame instanceof CloseWebSocketFrame) {
            ctx.writeAndFlush(frame.retainedDuplicate()).addListener(f -> ctx.close());
            return;
        } else if (!(frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame)) {
            return; // pong
        }
        JsonNode message;
        try {
            message = PushFrames.parse(frame.content().toString(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            connection.close(WebSocketCloseStatus.POLICY_VIOLATION.code(), "bad frame: " + e.getOriginalMessage());
            return;
        }
        int t = message.get("t").asInt();
        if (t == PushFrames.HB) {
            connection.send(PushFrames.heartbeat());
        } else if (t == PushFrames.AUTH && !authSeen) {
            authSeen = true;
            submit(() -> authOrRefuse(message));
        } else if (t == PushFrames.JOIN && authSeen) {
            submit(() -> join(message.path("join").path("rid").asText("")));
        } else {
            String why = t == PushFrames.AUTH ? "already authenticated"
                    : authSeen ? "unknown frame type " + t : "AUTH must be the first frame";
            connection.close(WebSocketCloseStatus.POLICY_VIOLATION.code(), why);
        }
    }

    private void submit(Runnable task) {
        if (!tasks.submit(task)) {
            connection.close(WebSocketCloseStatus.POLICY_VIOLATION.code(), "too many pending frames");
        }
    }

    /** A store that cannot be reached leaves no half-open socket without a session: closed with the reason. */
    private void authOrRefuse(JsonNode message) {
        try {
            auth(message);
        } catch (CometStoreException e) {
            LOG.warn("JSON API tenant {}: WebSocket refused, store unavailable: {}", tenant, e.getMessage());
            connection.close(WebSocketCloseStatus.TRY_AGAIN_LATER.code(),
                    e.isUnreachable() ? "store unreachable" : "store failure");
        }
    }

    private void auth(JsonNode message) {
        JsonNode auth = message.path("auth");
        tenant = auth.hasNonNull("tenant") ? auth.get("tenant").asText() : headerTenant;
        UserKeyCheck.Verdict verdict = keys.identify(tenant, auth.path("token").asText(""), auth.path("uid").asLong(0));
        if (!verdict.authorized()) {
            LOG.info("JSON API tenant {}: AUTH refused: {}", tenant, verdict.how());
            connection.close(WebSocketCloseStatus.POLICY_VIOLATION.code(), "authentication failed: " + verdict.how());
            return;
        }
        Session session = engine.attach(tenant, verdict.userId(), connection);
        connection.attached(session);
        engine.subscribe(session, List.of(World.PIPE));
        world.add(tenant, connection);
        connection.send(PushFrames.authAccepted(verdict.userId()));
        LOG.debug("JSON API tenant {} user {} authenticated ({})", tenant, verdict.userId(), verdict.how());
        if (message.has("join")) {
            join(message.path("join").path("rid").asText(""));
        }
    }

    private void join(String rid) {
        Session session = connection.session();
        if (session == null) {
            return;
        }
        if (!rid.isEmpty() && (rid.length() < 2 || rid.length() > Names.MAX_PIPE_NAME
                || !Names.NAME_ALPHABET.matcher(rid).matches() || World.PIPE.equals(rid))) {
            connection.close(WebSocketCloseStatus.POLICY_VIOLATION.code(), "invalid room name");
            return;
        }
        if (!rid.equals(connection.rid())) {
            engine.subscribe(session, rid.isEmpty() ? List.of(World.PIPE) : List.of(World.PIPE, rid));
            connection.rid(rid);
        }
        connection.send(PushFrames.joined(rid));
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent idle && idle.state() == IdleState.WRITER_IDLE) {
            connection.send(PushFrames.heartbeat()); // our half of "heartbeats both ways"
        } else if (evt instanceof IdleStateEvent) {
            connection.close(WebSocketCloseStatus.ENDPOINT_UNAVAILABLE.code(), "no heartbeat");
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        tasks.submitAlways(() -> {
            Session session = connection.session();
            if (session != null) {
                world.remove(tenant, connection);
                engine.detach(session);
            }
        });
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("JSON API connection error: {}", cause.toString());
        connection.close(WebSocketCloseStatus.PROTOCOL_ERROR.code(), String.valueOf(cause.getMessage()));
        ctx.close();
    }
}

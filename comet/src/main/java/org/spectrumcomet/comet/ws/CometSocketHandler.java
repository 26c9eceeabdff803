package org.spectrumcomet.comet.ws;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.charset.StandardCharsets;
import org.spectrumcomet.comet.auth.UserKeyCheck;
import org.spectrumcomet.comet.engine.CometEngine;
import org.spectrumcomet.comet.engine.Session;
import org.spectrumcomet.comet.http.OrderedTasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectrumcomet.comet.store.CometStoreException;

/**
 * One CppComet WebSocket after the upgrade: authenticates, sends {@code serverInfo}, attaches to
 * the engine, then turns text/binary frames into commands. Engine work runs in the connection's
 * {@link OrderedTasks}; this handler only moves bytes on the event loop.
 *
 * <pre>
 * HttpServerCodec → WebSocket13FrameDecoder/Encoder → WebSocketFrameAggregator → CometSocketHandler
 * </pre>
 *
 * Unlike CppComet (spec Part II) it answers ping with pong, echoes close frames, and closes with
 * 1009 and a reason when a frame exceeds the configured size.
 */
final class CometSocketHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

    private static final Logger LOG = LoggerFactory.getLogger(CometSocketHandler.class);

    private final CometSocketConnection client;
    private final CometEngine engine;
    private final UserKeyCheck keys;
    private final CometCommands commands;
    private final OrderedTasks tasks;
    private final String server;

    CometSocketHandler(CometSocketConnection client, CometEngine engine, UserKeyCheck keys,
                       CometCommands commands, OrderedTasks tasks, String server) {
        this.client = client;
        this.engine = engine;
        this.keys = keys;
        this.commands = commands;
        this.tasks = tasks;
        this.server = server;
    }

    /** Queues authentication and attach; called once the 101 answer is on its way. */
    void start() {
        tasks.submitAlways(this::connect);
    }

    private void connect() {
        try {
            authenticateAndAttach();
        } catch (CometStoreException e) {
            // Without a session the socket would stay open and deaf: tell the client, then close.
            LOG.warn("tenant {} user {}: WebSocket refused, store unavailable: {}", client.tenant(), client.userId(),
                    e.getMessage());
            client.send(client.frames().error(503, e.clientMessage(), true));
            client.close(WebSocketCloseStatus.TRY_AGAIN_LATER.code(), e.isUnreachable() ? "store unreachable"
                    : "store failure");
        }
    }

    private void authenticateAndAttach() {
        String tenant = client.tenant();
        if (engine.tenants().key(tenant).isEmpty()) {
            LOG.info("WebSocket for unknown tenant {} refused", tenant);
            client.fail(404, "unknown tenant '" + tenant + "'");
            return;
        }
        CometUrl url = client.url();
        UserKeyCheck.Verdict verdict = keys.check(tenant, url.userId(), url.userKey());
        String key = verdict.authorized()
                ? engine.userKey(tenant, verdict.userId()).orElse(url.userKey()) : "";
        client.send(client.frames().serverInfo(verdict.authorized(), key, server));
        Session session = engine.attach(tenant, verdict.userId(), client);
        client.attached(session);
        LOG.debug("tenant {} user {} uuid {} attached ({})", tenant, verdict.userId(), url.uuid(), verdict.how());
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame) {
            String payload = frame.content().toString(StandardCharsets.UTF_8);
            if (!tasks.submit(() -> commands.run(client, payload))) {
                LOG.info("tenant {} user {}: too many pending commands, closing", client.tenant(), client.userId());
                client.close(WebSocketCloseStatus.POLICY_VIOLATION.code(), "too many pending commands");
            }
        } else if (frame instanceof PingWebSocketFrame) {
            ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
        } else if (frame instanceof CloseWebSocketFrame) {
            ctx.writeAndFlush(frame.retainedDuplicate()).addListener(f -> ctx.close());
        } else if (!(frame instanceof PongWebSocketFrame)) {
            client.close(WebSocketCloseStatus.INVALID_MESSAGE_TYPE.code(), "unsupported frame type");
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        tasks.submitAlways(() -> {
            Session session = client.session();
            if (session != null) {
                engine.detach(session);
                LOG.debug("tenant {} user {} uuid {} detached", session.tenant(), session.userId(), client.uuid());
            }
        });
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException || cause instanceof CorruptedWebSocketFrameException c
                && c.closeStatus() != null && c.closeStatus().code() == WebSocketCloseStatus.MESSAGE_TOO_BIG.code()) {
            LOG.info("tenant {} user {}: frame too big: {}", client.tenant(), client.userId(), cause.getMessage());
            client.close(WebSocketCloseStatus.MESSAGE_TOO_BIG.code(), "frame too big: " + cause.getMessage());
        } else if (cause instanceof CorruptedWebSocketFrameException) {
            LOG.info("tenant {} user {}: bad frame: {}", client.tenant(), client.userId(), cause.getMessage());
            client.close(WebSocketCloseStatus.PROTOCOL_ERROR.code(), cause.getMessage());
        } else {
            LOG.debug("tenant {} user {}: connection error", client.tenant(), client.userId(), cause);
            ctx.close();
        }
    }
}

package org.spectrumcomet.comet.http;

import org.spectrumcomet.comet.ws.ClosingHandshake;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import org.spectrumcomet.comet.engine.ClientConnection;
import org.spectrumcomet.comet.engine.ClientInfo;
import org.spectrumcomet.comet.engine.CometEvent;
import org.spectrumcomet.comet.engine.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JSON comet API WebSocket as the engine sees it: engine events become PUSH frames. Writes
 * never block and stay within the connection's {@link OutboundBudget}; a client that stops
 * reading is closed with 1013 "slow consumer" and {@link #deliver} answers false.
 */
public final class SubscribeConnection implements ClientConnection {

    private static final Logger LOG = LoggerFactory.getLogger(SubscribeConnection.class);

    private final Channel channel;
    private final ClientInfo info;
    private final long birth = System.currentTimeMillis() / 1000;
    private final OutboundBudget budget = new OutboundBudget();
    private volatile Session session;
    private volatile String rid = "";

    public SubscribeConnection(Channel channel, ClientInfo info) {
        this.channel = channel;
        this.info = info;
    }

    @Override
    public boolean deliver(CometEvent event) {
        return channel.isActive() && send(PushFrames.push(event, World.PIPE));
    }

    boolean send(String json) {
        int bytes = ByteBufUtil.utf8Bytes(json);
        if (!budget.reserve(bytes)) {
            LOG.info("JSON API user {}: slow consumer ({} bytes unwritten), closing", uid(), budget.queued());
            close(WebSocketCloseStatus.TRY_AGAIN_LATER.code(), "slow consumer");
            return false;
        }
        channel.writeAndFlush(new TextWebSocketFrame(ByteBufUtil.encodeString(channel.alloc(),
                CharBuffer.wrap(json), StandardCharsets.UTF_8))).addListener(f -> budget.release(bytes));
        return true;
    }

    @Override
    public void close(String reason) {
        close(WebSocketCloseStatus.NORMAL_CLOSURE.code(), reason);
    }

    void close(int code, String reason) {
        if (channel.isActive()) {
            ClosingHandshake.close(channel, code, reason);
        }
    }

    void attached(Session session) {
        this.session = session;
    }

    Session session() {
        return session;
    }

    long uid() {
        Session s = session;
        return s == null ? 0 : s.userId();
    }

    String rid() {
        return rid;
    }

    void rid(String rid) {
        this.rid = rid;
    }

    long birth() {
        return birth;
    }

    @Override
    public String uuid() {
        return "";
    }

    @Override
    public ClientInfo info() {
        return info;
    }
}

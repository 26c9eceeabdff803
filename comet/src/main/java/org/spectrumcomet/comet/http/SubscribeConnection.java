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
import org.spectrumcomet.comet.metrics.CometMetrics;
import org.spectrumcomet.comet.metrics.DeliveryMeter;
import org.spectrumcomet.comet.metrics.Protocol;
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
    private final DeliveryMeter meter;
    private volatile Session session;
    private volatile String rid = "";

    public SubscribeConnection(Channel channel, ClientInfo info) {
        this(channel, info, CometMetrics.unscraped().delivery(Protocol.JSON_API));
    }

    public SubscribeConnection(Channel channel, ClientInfo info, DeliveryMeter meter) {
        this.channel = channel;
        this.info = info;
        this.meter = meter;
    }

    @Override
    public boolean deliver(CometEvent event) {
        return deliver(event, 0);
    }

    @Override
    public boolean deliver(CometEvent event, long acceptedNanos) {
        return channel.isActive() && send(PushFrames.push(event, World.PIPE), acceptedNanos);
    }

    boolean send(String json) {
        return send(json, 0);
    }

    /** @param acceptedNanos when the engine accepted the publish this frame carries, 0 for other frames */
    private boolean send(String json, long acceptedNanos) {
        int bytes = ByteBufUtil.utf8Bytes(json);
        if (!budget.reserve(bytes)) {
            LOG.info("JSON API user {}: slow consumer ({} bytes unwritten), closing", uid(), budget.queued());
            close(WebSocketCloseStatus.TRY_AGAIN_LATER.code(), "slow consumer");
            return false;
        }
        channel.writeAndFlush(new TextWebSocketFrame(ByteBufUtil.encodeString(channel.alloc(),
                CharBuffer.wrap(json), StandardCharsets.UTF_8))).addListener(f -> {
                    budget.release(bytes);
                    if (f.isSuccess()) {
                        meter.written();
                        if (acceptedNanos != 0) {
                            meter.delivered(acceptedNanos); // JSON API fan-outs are small: every frame
                        }
                    }
                });
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

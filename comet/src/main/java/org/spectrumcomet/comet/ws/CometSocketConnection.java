package org.spectrumcomet.comet.ws;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.nio.charset.StandardCharsets;
import org.spectrumcomet.comet.engine.ClientConnection;
import org.spectrumcomet.comet.engine.ClientInfo;
import org.spectrumcomet.comet.engine.CometEvent;
import org.spectrumcomet.comet.engine.Session;
import org.spectrumcomet.comet.http.OutboundBudget;
import org.spectrumcomet.comet.metrics.CometMetrics;
import org.spectrumcomet.comet.metrics.DeliveryMeter;
import org.spectrumcomet.comet.metrics.Protocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One CppComet WebSocket client as the engine sees it: encodes events as frames and writes them
 * without blocking, within the connection's {@link OutboundBudget}: frames queued in its loop's
 * {@link LoopOutbox} plus bytes in the channel's outbound buffer stay below
 * {@link OutboundBudget#MAX_QUEUED_BYTES}. A client that stops reading until the budget is
 * exhausted is closed with 1013 "slow consumer" and {@link #deliver} answers false. Frames above 65,535 bytes go out with the 64-bit length form (CppComet drops them).
 */
public final class CometSocketConnection implements ClientConnection {

    private static final Logger LOG = LoggerFactory.getLogger(CometSocketConnection.class);
    /**
     * The last event this thread encoded. A publish hands one {@link CometEvent} instance to
     * every subscriber in a row on one thread, so the JSON and UTF-8 encoding happens once per
     * publish instead of once per subscriber (bench comet: fan-out to 1,000 subscribers).
     */
    private static final ThreadLocal<EncodedEvent> LAST_ENCODED = new ThreadLocal<>();

    private final Channel channel;
    private final CometUrl url;
    private final CometFrames frames;
    private final ClientInfo info;
    private final OutboundBudget budget = new OutboundBudget();
    private final LoopOutbox outbox;
    private final DeliveryMeter meter;
    /** Written since the last flush; touched only on the event loop. */
    private boolean unflushed;
    private volatile Session session;

    public CometSocketConnection(Channel channel, CometUrl url, ClientInfo info) {
        this(channel, url, info, CometMetrics.unscraped().delivery(Protocol.WEBSOCKET));
    }

    public CometSocketConnection(Channel channel, CometUrl url, ClientInfo info, DeliveryMeter meter) {
        this.meter = meter;
        this.channel = channel;
        this.url = url;
        this.frames = new CometFrames(url.major());
        this.info = info;
        this.outbox = LoopOutbox.of(channel.eventLoop());
    }

    @Override
    public boolean deliver(CometEvent event) {
        return deliver(event, 0);
    }

    @Override
    public boolean deliver(CometEvent event, long acceptedNanos) {
        if (!channel.isActive()) {
            return false;
        }
        return send(encoded(event), acceptedNanos);
    }

    private byte[] encoded(CometEvent event) {
        EncodedEvent last = LAST_ENCODED.get();
        if (last != null && last.event() == event && last.legacy() == frames.legacy()) {
            return last.utf8();
        }
        byte[] utf8 = frames.event(event).getBytes(StandardCharsets.UTF_8);
        LAST_ENCODED.set(new EncodedEvent(event, frames.legacy(), utf8));
        return utf8;
    }

    /** Writes one JSON frame; false (and the connection closed) when the budget is exhausted. */
    public boolean send(String json) {
        return send(json.getBytes(StandardCharsets.UTF_8), 0);
    }

    /**
     * Writes one frame of UTF-8 JSON, never modified afterwards (it may be shared by connections).
     *
     * @param acceptedNanos when the engine accepted the publish this frame carries, 0 for other frames
     */
    private boolean send(byte[] utf8, long acceptedNanos) {
        int bytes = utf8.length;
        if (!budget.reserve(bytes, unwrittenInChannel())) {
            LOG.info("tenant {} user {} uuid {}: slow consumer ({} bytes unwritten), closing",
                    tenant(), userId(), url.uuid(), budget.queued() + unwrittenInChannel());
            close(WebSocketCloseStatus.TRY_AGAIN_LATER.code(), "slow consumer");
            return false;
        }
        outbox.add(new FrameItem(this, utf8, acceptedNanos));
        return true;
    }

    /** Bytes already written into the channel but not yet to the socket. */
    private long unwrittenInChannel() {
        ChannelOutboundBuffer buffer = channel.unsafe().outboundBuffer();
        return buffer == null ? 0 : buffer.totalPendingWriteBytes();
    }

    /**
     * On the loop, from the outbox: hands the frame to the channel; the outbox flushes later. The
     * latency of a publish is sampled on its first frame in each outbox run (a fan-out to
     * thousands records once per loop, not once per subscriber).
     */
    private void writeFrame(byte[] utf8, long acceptedNanos) {
        if (channel.isActive()) {
            channel.write(new TextWebSocketFrame(Unpooled.wrappedBuffer(utf8)), channel.voidPromise());
            meter.written();
            if (acceptedNanos != 0 && outbox.firstOfPublish(acceptedNanos)) {
                meter.delivered(acceptedNanos);
            }
        }
        budget.release(utf8.length); // from now on counted by the channel's outbound buffer
    }

    /** On the loop: true the first time since the last flush (the outbox then flushes it once). */
    boolean markUnflushed() {
        if (unflushed) {
            return false;
        }
        unflushed = true;
        return true;
    }

    /** On the loop. */
    void flushNow() {
        unflushed = false;
        channel.flush();
    }

    private record FrameItem(CometSocketConnection connection, byte[] utf8, long acceptedNanos)
            implements LoopOutbox.Item {
        @Override
        public void write() {
            connection.writeFrame(utf8, acceptedNanos);
        }
    }

    private record CloseItem(CometSocketConnection connection, int code, String reason) implements LoopOutbox.Item {
        @Override
        public void write() {
            ClosingHandshake.close(connection.channel, code, reason);
        }
    }

    /** An event and its encoding for clients of one protocol generation. */
    private record EncodedEvent(CometEvent event, boolean legacy, byte[] utf8) {
    }

    @Override
    public void close(String reason) {
        close(WebSocketCloseStatus.NORMAL_CLOSURE.code(), reason);
    }

    /** Sends a close frame with the code and reason, then closes the socket. */
    public void close(int code, String reason) {
        outbox.add(new CloseItem(this, code, reason)); // after the frames queued before it
    }

    /** Sends a fatal error frame then closes with a policy-violation close frame. */
    public void fail(int code, String message) {
        send(frames.error(code, message, true));
        close(WebSocketCloseStatus.POLICY_VIOLATION.code(), message);
    }


    public CometFrames frames() {
        return frames;
    }

    public CometUrl url() {
        return url;
    }

    public String tenant() {
        return url.devId();
    }

    /** The engine session, null until attached. */
    public Session session() {
        return session;
    }

    void attached(Session session) {
        this.session = session;
    }

    public long userId() {
        Session s = session;
        return s == null ? 0 : s.userId();
    }

    public boolean active() {
        return channel.isActive();
    }

    @Override
    public String uuid() {
        return url.uuid();
    }

    @Override
    public ClientInfo info() {
        return info;
    }
}

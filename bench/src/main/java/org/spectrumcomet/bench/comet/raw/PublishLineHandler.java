package org.spectrumcomet.bench.comet.raw;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.ChannelMatcher;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.nio.charset.StandardCharsets;

/**
 * One line on the publish port = one message body, broadcast as one frame to every subscriber.
 * The frame is encoded once; the group writes a retained duplicate to each channel.
 *
 * <p>Bound: a subscriber whose outbound buffer is above its high-water mark (not writable) does
 * not get the frame — the baseline drops for slow consumers instead of queueing without bound.
 */
final class PublishLineHandler extends SimpleChannelInboundHandler<ByteBuf> {

    private static final ChannelMatcher WRITABLE = Channel::isWritable;

    private final ChannelGroup subscribers;
    private final String pipe;
    private final String event;

    PublishLineHandler(ChannelGroup subscribers, String pipe, String event) {
        this.subscribers = subscribers;
        this.pipe = pipe;
        this.event = event;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf line) {
        String body = line.toString(StandardCharsets.US_ASCII);
        String json = RawFrames.delivery(pipe, event, body, System.currentTimeMillis() / 1000);
        ByteBuf encoded = ByteBufUtil.writeAscii(ctx.alloc(), json);
        subscribers.writeAndFlush(new TextWebSocketFrame(encoded), WRITABLE);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}

package org.spectrumcomet.comet.mysql;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/** Encodes {@link ServerMessage}s; stateless. */
@Sharable
public final class ServerMessageEncoder extends MessageToByteEncoder<ServerMessage> {
    public static final ServerMessageEncoder INSTANCE = new ServerMessageEncoder();

    private ServerMessageEncoder() {
        super(ServerMessage.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, ServerMessage msg, ByteBuf out) {
        msg.writeTo(out);
    }
}

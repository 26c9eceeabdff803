package org.spectrumcomet.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.util.List;

/**
 * Prefixes each outbound frame body with its 4-byte big-endian length, for a pipeline that encodes
 * bodies with {@link WrapperMessageEncoder#INSTANCE} ({@link SpectrumCodec} uses
 * {@link WrapperMessageEncoder#FRAMED} instead, which writes both in one buffer). The header and the body go
 * out as two buffers in one write, so the main instance always receives whole frames in order.
 *
 * <pre>
 *   behaviour handlers → WrapperMessageEncoder → SpectrumFrameEncoder → socket
 * </pre>
 */
@Sharable
public final class SpectrumFrameEncoder extends MessageToMessageEncoder<ByteBuf> {

    public static final SpectrumFrameEncoder INSTANCE = new SpectrumFrameEncoder();

    private SpectrumFrameEncoder() {
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, ByteBuf body, List<Object> out) {
        ByteBuf header = ctx.alloc().ioBuffer(SpectrumFrameDecoder.LENGTH_FIELD_BYTES);
        header.writeInt(body.readableBytes());
        out.add(header);
        out.add(body.retain());
    }
}

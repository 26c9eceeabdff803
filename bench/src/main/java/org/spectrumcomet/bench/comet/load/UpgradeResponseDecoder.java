package org.spectrumcomet.bench.comet.load;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads the server's answer to the upgrade request (≤ 8 KiB, else the connection fails). On
 * {@code 101} it puts a WebSocket frame decoder in its place, hands it any bytes that followed
 * the header (the server's first frame often arrives in the same segment) and fires
 * {@link #UPGRADED}; any other status fails the connection with a {@link DecoderException}.
 */
final class UpgradeResponseDecoder extends ByteToMessageDecoder {

    /** User event fired once the connection speaks WebSocket. */
    static final Object UPGRADED = "websocket-upgraded";

    private static final int MAX_HEADER = 8192;
    private static final WebSocketDecoderConfig FRAMES = WebSocketDecoderConfig.newBuilder()
            .expectMaskedFrames(false).allowMaskMismatch(true).maxFramePayloadLength(1 << 20).build();

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int end = headerEnd(in);
        if (end < 0) {
            if (in.readableBytes() > MAX_HEADER) {
                throw new DecoderException("upgrade answer longer than " + MAX_HEADER + " bytes");
            }
            return;
        }
        String header = in.readCharSequence(end - in.readerIndex(), StandardCharsets.US_ASCII).toString();
        String status = header.substring(0, Math.max(0, header.indexOf('\r')));
        if (!status.startsWith("HTTP/1.1 101")) {
            throw new DecoderException("upgrade refused: " + status);
        }
        ctx.pipeline().addAfter(ctx.name(), "ws-decoder", new WebSocket08FrameDecoder(FRAMES));
        ctx.pipeline().remove(this);
        ctx.fireUserEventTriggered(UPGRADED);
    }

    /** Index just after CRLF CRLF, or -1. */
    private static int headerEnd(ByteBuf in) {
        for (int i = in.readerIndex(); i + 3 < in.writerIndex(); i++) {
            if (in.getByte(i) == '\r' && in.getByte(i + 1) == '\n' && in.getByte(i + 2) == '\r'
                    && in.getByte(i + 3) == '\n') {
                return i + 4;
            }
        }
        return -1;
    }
}

package org.spectrumcomet.comet.mysql;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Splits the byte stream into {@link MysqlPacket}s: 3-byte little-endian payload length, 1-byte
 * sequence id, payload.
 *
 * <p>Bound: a packet announcing more than {@code maxPacketBytes} (or the 16 MiB continuation form,
 * which CometQL never needs) raises {@link MysqlPacketTooLargeException} as soon as its header is
 * read — the payload is never buffered — and everything the client sends afterwards is discarded.
 */
public final class MysqlPacketDecoder extends ByteToMessageDecoder {
    static final int HEADER_BYTES = 4;
    /** A payload of exactly this length means "continued in the next packet". */
    static final int CONTINUED = 0xFFFFFF;

    private final int maxPacketBytes;
    private boolean discarding;

    public MysqlPacketDecoder(int maxPacketBytes) {
        this.maxPacketBytes = maxPacketBytes;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (discarding) {
            in.skipBytes(in.readableBytes());
            return;
        }
        while (in.readableBytes() >= HEADER_BYTES) {
            int length = in.getUnsignedMediumLE(in.readerIndex());
            int sequence = in.getUnsignedByte(in.readerIndex() + 3);
            if (length > maxPacketBytes || length == CONTINUED) {
                discarding = true;
                in.skipBytes(in.readableBytes());
                throw new MysqlPacketTooLargeException(length, maxPacketBytes, sequence);
            }
            if (in.readableBytes() < HEADER_BYTES + length) {
                return;
            }
            in.skipBytes(HEADER_BYTES);
            out.add(new MysqlPacket(sequence, in.readRetainedSlice(length)));
        }
    }
}

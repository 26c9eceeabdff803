package org.spectrumcomet.protocol;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.MessageLite;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import java.io.IOException;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage;

/**
 * Serializes a {@link SpectrumMessage} into a {@code WrapperMessage} frame body.
 *
 * <p>It writes exactly what it is given: making sure every proto2 required field is set (Spectrum
 * silently drops a message that lacks one) is the caller's job, done by building payloads with
 * {@code build()}, never {@code buildPartial()}.
 *
 * <p>The output buffer is allocated at the frame's exact size: the default (256 bytes, then grown
 * to the next power of two) nearly doubled the direct memory held by frames a slow main has not
 * read yet, past what the backend's outbound cap accounts for (MainStopsReadingTest).
 *
 * <pre>
 *   behaviour handlers → WrapperMessageEncoder → SpectrumFrameEncoder → socket
 * </pre>
 */
@Sharable
public final class WrapperMessageEncoder extends MessageToByteEncoder<SpectrumMessage> {

    public static final WrapperMessageEncoder INSTANCE = new WrapperMessageEncoder();

    private WrapperMessageEncoder() {
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, SpectrumMessage msg, ByteBuf out) throws IOException {
        WrapperMessage.Builder wrapper = WrapperMessage.newBuilder().setType(msg.type());
        ByteString payload = payloadBytes(msg.payload());
        if (payload != null) {
            wrapper.setPayload(payload);
        }
        WrapperMessage built = wrapper.build();
        int size = built.getSerializedSize();
        out.ensureWritable(size);
        CodedOutputStream coded = CodedOutputStream.newInstance(out.nioBuffer(out.writerIndex(), size));
        built.writeTo(coded);
        coded.flush();
        out.writerIndex(out.writerIndex() + size);
    }

    @Override
    protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, SpectrumMessage msg, boolean preferDirect) {
        int size = CodedOutputStream.computeEnumSize(1, msg.type().getNumber());
        Object payload = msg.payload();
        if (payload != null) {
            int length = payload instanceof MessageLite message ? message.getSerializedSize() : payloadBytes(payload).size();
            size += CodedOutputStream.computeTagSize(2) + CodedOutputStream.computeUInt32SizeNoTag(length) + length;
        }
        return preferDirect ? ctx.alloc().ioBuffer(size) : ctx.alloc().heapBuffer(size);
    }

    private static ByteString payloadBytes(Object payload) {
        if (payload == null) {
            return null;
        }
        if (payload instanceof RawXml xml) {
            return xml.toByteString();
        }
        if (payload instanceof MessageLite message) {
            return message.toByteString();
        }
        throw new IllegalArgumentException("not a Spectrum payload: " + payload.getClass().getName());
    }
}

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

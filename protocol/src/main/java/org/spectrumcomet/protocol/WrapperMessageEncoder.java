package org.spectrumcomet.protocol;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.MessageLite;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import java.io.IOException;

/**
 * Serializes a {@link SpectrumMessage} into a {@code WrapperMessage} frame body ({@link #INSTANCE}),
 * or into a whole frame, length prefix included ({@link #FRAMED}, what {@link SpectrumCodec} installs).
 *
 * <p>It writes exactly what it is given: making sure every proto2 required field is set (Spectrum
 * silently drops a message that lacks one) is the caller's job, done by building payloads with
 * {@code build()}, never {@code buildPartial()}.
 *
 * <p>The wrapper's two fields are written straight into the buffer, the payload message inside
 * field 2: the same bytes as building a {@code WrapperMessage}, without serialising the payload
 * twice (once to a {@code ByteString}, once into the wrapper). The output buffer is allocated at
 * the frame's exact size: the default (256 bytes, then grown to the next power of two) nearly
 * doubled the direct memory held by frames a slow main has not read yet, past what the backend's
 * outbound cap accounts for (MainStopsReadingTest). One buffer per frame, header included, also
 * means one allocation and one write per frame instead of two.
 *
 * <pre>
 *   behaviour handlers → WrapperMessageEncoder.FRAMED → socket
 * </pre>
 */
@Sharable
public final class WrapperMessageEncoder extends MessageToByteEncoder<SpectrumMessage> {

    /** The body only, for a pipeline that frames it separately ({@link SpectrumFrameEncoder}). */
    public static final WrapperMessageEncoder INSTANCE = new WrapperMessageEncoder(false);
    /** The 4-byte big-endian length, then the body, in one buffer. */
    public static final WrapperMessageEncoder FRAMED = new WrapperMessageEncoder(true);

    private final boolean framed;

    private WrapperMessageEncoder(boolean framed) {
        this.framed = framed;
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, SpectrumMessage msg, ByteBuf out) throws IOException {
        if (framed) {
            writeFrame(msg, out);
        } else {
            writeBody(msg, bodySize(msg), out);
        }
    }

    @Override
    protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, SpectrumMessage msg, boolean preferDirect) {
        int size = bodySize(msg) + (framed ? SpectrumFrameDecoder.LENGTH_FIELD_BYTES : 0);
        return preferDirect ? ctx.alloc().ioBuffer(size) : ctx.alloc().heapBuffer(size);
    }

    /** Writes the length prefix and the body of {@code msg} to {@code out} (which grows if needed). */
    public static void writeFrame(SpectrumMessage msg, ByteBuf out) throws IOException {
        int size = bodySize(msg);
        out.ensureWritable(SpectrumFrameDecoder.LENGTH_FIELD_BYTES + size);
        out.writeInt(size);
        writeBody(msg, size, out);
    }

    /**
     * The whole frame of {@code msg} (length prefix and body) in a heap buffer of its exact size. For
     * frames built off the event loop: a plain array costs a thread no pooled-allocator lookup (such
     * threads have no allocator cache), and the event loop copies it into its own pooled direct
     * buffer when it writes it to the socket.
     */
    public static ByteBuf frame(SpectrumMessage msg) {
        int size = bodySize(msg);
        byte[] frame = new byte[SpectrumFrameDecoder.LENGTH_FIELD_BYTES + size];
        frame[0] = (byte) (size >>> 24);
        frame[1] = (byte) (size >>> 16);
        frame[2] = (byte) (size >>> 8);
        frame[3] = (byte) size;
        try {
            CodedOutputStream coded = CodedOutputStream.newInstance(frame, SpectrumFrameDecoder.LENGTH_FIELD_BYTES, size);
            writeFields(msg, coded);
            coded.checkNoSpaceLeft();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot happen: the array has the exact size", e);
        }
        return Unpooled.wrappedBuffer(frame);
    }

    /** The serialised size of the {@code WrapperMessage} for {@code msg}. */
    public static int bodySize(SpectrumMessage msg) {
        int size = CodedOutputStream.computeEnumSize(1, msg.type().getNumber());
        Object payload = msg.payload();
        if (payload instanceof MessageLite message) {
            size += CodedOutputStream.computeMessageSize(2, message);
        } else if (payload != null) {
            size += CodedOutputStream.computeBytesSize(2, rawBytes(payload));
        }
        return size;
    }

    private static void writeBody(SpectrumMessage msg, int size, ByteBuf out) throws IOException {
        out.ensureWritable(size);
        int at = out.writerIndex();
        CodedOutputStream coded = out.hasArray()
                ? CodedOutputStream.newInstance(out.array(), out.arrayOffset() + at, size)
                : CodedOutputStream.newInstance(out.nioBuffer(at, size));
        writeFields(msg, coded);
        coded.flush();
        out.writerIndex(at + size);
    }

    private static void writeFields(SpectrumMessage msg, CodedOutputStream coded) throws IOException {
        coded.writeEnum(1, msg.type().getNumber());
        Object payload = msg.payload();
        if (payload instanceof MessageLite message) {
            coded.writeMessage(2, message);
        } else if (payload != null) {
            coded.writeBytes(2, rawBytes(payload));
        }
    }

    private static ByteString rawBytes(Object payload) {
        if (payload instanceof RawXml xml) {
            return xml.toByteString();
        }
        throw new IllegalArgumentException("not a Spectrum payload: " + payload.getClass().getName());
    }
}

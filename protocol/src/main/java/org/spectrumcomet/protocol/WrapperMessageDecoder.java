package org.spectrumcomet.protocol;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage;
import org.spectrumcomet.protocol.pb.Protocol.WrapperMessage.Type;

/**
 * Turns one frame body into a {@link SpectrumMessage}: parses the {@code WrapperMessage}, then its
 * payload as the type's message.
 *
 * <p>A frame that does not decode never takes the link down, as Spectrum's own reader skips such
 * frames too: an unparsable wrapper, an unknown type, or a payload that is not the type's message
 * is logged with its type and length and skipped, or, when constructed with
 * {@code reportMalformed}, passed on as a {@link MalformedFrame}.
 *
 * <pre>
 *   SpectrumFrameDecoder → WrapperMessageDecoder → behaviour handlers
 * </pre>
 */
@Sharable
public final class WrapperMessageDecoder extends MessageToMessageDecoder<ByteBuf> {

    private static final Logger LOG = LoggerFactory.getLogger(WrapperMessageDecoder.class);

    /** Logs and skips malformed frames. */
    public static final WrapperMessageDecoder SKIPPING = new WrapperMessageDecoder(false);
    /** Passes malformed frames on as {@link MalformedFrame}. */
    public static final WrapperMessageDecoder REPORTING = new WrapperMessageDecoder(true);

    /** Field 1 (type), varint; field 2 (payload), length-delimited. */
    private static final byte TYPE_TAG = 1 << 3;
    private static final byte PAYLOAD_TAG = (2 << 3) | 2;

    private final boolean reportMalformed;

    private WrapperMessageDecoder(boolean reportMalformed) {
        this.reportMalformed = reportMalformed;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) {
        Object read = read(frame);
        if (read instanceof SpectrumMessage || reportMalformed) {
            out.add(read);
        }
    }

    /**
     * Decodes one frame body (not released here): a {@link SpectrumMessage}, or a
     * {@link MalformedFrame} (logged at WARN) when it does not decode.
     */
    public Object read(ByteBuf frame) {
        Object fast = readCanonical(frame);
        return fast != null ? fast : readGeneral(frame);
    }

    /**
     * The frames every peer writes (type, then the payload as the last field) parsed in place: the
     * payload straight from the frame's bytes, without first copying it into the wrapper's
     * {@code ByteString}. Null for anything else (RAW_XML, unknown types, other field orders,
     * truncated or malformed bodies), which {@link #readGeneral} reads or reports exactly as before.
     */
    private static Object readCanonical(ByteBuf frame) {
        int at = frame.readerIndex();
        int end = frame.writerIndex();
        if (end - at < 2 || frame.getByte(at) != TYPE_TAG) {
            return null;
        }
        int number = frame.getByte(at + 1);
        at += 2;
        if (number < 0) { // a type number above 127 takes two varint bytes
            if (at >= end || (frame.getByte(at) & 0x80) != 0) {
                return null;
            }
            number = (number & 0x7F) | (frame.getByte(at++) << 7);
        }
        Type type = Type.forNumber(number);
        if (type == null || type == Type.TYPE_RAW_XML || !PayloadTypes.isKnown(type)) {
            return null;
        }
        int payloadAt = at;
        int payloadLength = 0;
        if (at < end) {
            if (frame.getByte(at) != PAYLOAD_TAG) {
                return null;
            }
            long length = 0;
            int shift = 0;
            byte b;
            at++;
            do {
                if (at >= end || shift > 28) {
                    return null;
                }
                b = frame.getByte(at++);
                length |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while (b < 0);
            if (length != end - at) {
                return null;
            }
            payloadAt = at;
            payloadLength = (int) length;
        }
        if (PayloadTypes.isBare(type)) {
            return SpectrumMessage.of(type);
        }
        try {
            return new SpectrumMessage(type, PayloadTypes.parse(type, frame, payloadAt, payloadLength));
        } catch (InvalidProtocolBufferException e) {
            return null; // reported with the same words by readGeneral
        }
    }

    private static Object readGeneral(ByteBuf frame) {
        int length = frame.readableBytes();
        WrapperMessage wrapper;
        try {
            wrapper = WrapperMessage.parseFrom(frame.nioBuffer());
        } catch (InvalidProtocolBufferException e) {
            // An unknown enum value of the required type field lands here as "missing required field".
            return malformed(new MalformedFrame(rawTypeNumber(frame), length,
                    "not a WrapperMessage (unknown type or missing field): " + e.getMessage()));
        }
        Type type = wrapper.getType();
        if (!PayloadTypes.isKnown(type)) {
            return malformed(new MalformedFrame(type.getNumber(), length, "type " + type + " has no payload message"));
        }
        ByteString payload = wrapper.getPayload();
        try {
            return new SpectrumMessage(type, PayloadTypes.parse(type, payload));
        } catch (InvalidProtocolBufferException e) {
            return malformed(new MalformedFrame(type.getNumber(), length,
                    type + " payload does not parse: " + e.getMessage()));
        }
    }

    private static MalformedFrame malformed(MalformedFrame frame) {
        LOG.warn("skipping malformed frame: type={} length={}: {}", frame.typeNumber(), frame.length(), frame.reason());
        return frame;
    }

    /** Best effort: the type number when the first field is a readable varint type tag, else -1. */
    private static int rawTypeNumber(ByteBuf frame) {
        try {
            CodedInputStream in = CodedInputStream.newInstance(frame.nioBuffer());
            int tag;
            while ((tag = in.readTag()) != 0) {
                if (tag == (1 << 3)) {
                    return in.readInt32();
                }
                in.skipField(tag);
            }
        } catch (java.io.IOException | RuntimeException ignored) {
            // The frame is garbage; -1 says so.
        }
        return -1;
    }
}

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

    private final boolean reportMalformed;

    private WrapperMessageDecoder(boolean reportMalformed) {
        this.reportMalformed = reportMalformed;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) {
        int length = frame.readableBytes();
        WrapperMessage wrapper;
        try {
            wrapper = WrapperMessage.parseFrom(frame.nioBuffer());
        } catch (InvalidProtocolBufferException e) {
            // An unknown enum value of the required type field lands here as "missing required field".
            malformed(out, new MalformedFrame(rawTypeNumber(frame), length,
                    "not a WrapperMessage (unknown type or missing field): " + e.getMessage()));
            return;
        }
        Type type = wrapper.getType();
        if (!PayloadTypes.isKnown(type)) {
            malformed(out, new MalformedFrame(type.getNumber(), length, "type " + type + " has no payload message"));
            return;
        }
        ByteString payload = wrapper.getPayload();
        try {
            out.add(new SpectrumMessage(type, PayloadTypes.parse(type, payload)));
        } catch (InvalidProtocolBufferException e) {
            malformed(out, new MalformedFrame(type.getNumber(), length,
                    type + " payload does not parse: " + e.getMessage()));
        }
    }

    private void malformed(List<Object> out, MalformedFrame frame) {
        LOG.warn("skipping malformed frame: type={} length={}: {}", frame.typeNumber(), frame.length(), frame.reason());
        if (reportMalformed) {
            out.add(frame);
        }
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
